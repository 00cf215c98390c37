//! Hashing helpers shared by the stages that hash words and features.

/// MurmurHash3's 64-bit finaliser: every input bit reaches every output bit, so a cheap hash
/// (FNV, a rotate-multiply fold) or a mix of several hashes becomes a well-spread one.
pub(crate) fn mix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A feature id: a template's number mixed with the hashes of its parts (words, tags, buckets).
/// The number seeds the mix, so equal parts under two templates differ.
pub(crate) fn feature_id(template: u64, parts: &[u64]) -> u32 {
    let mut h = mix64(template);
    for &part in parts {
        h = mix64(h ^ part);
    }
    h as u32
}
