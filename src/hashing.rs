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
