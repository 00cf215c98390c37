//! The learning our taggers share: a greedy left-to-right averaged perceptron (Collins 2002) over
//! hashed feature ids, with N tags. A tagger brings its features (those of token i, given the tags
//! already chosen before it) and which tag may follow which; this module scores, trains and
//! stores the weights. Training is deterministic: the same data and seed give the same file.

use rustc_hash::FxHashMap;

/// Trained weights: per feature id, one weight per tag.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Weights<const N: usize> {
    table: FxHashMap<u32, [f32; N]>,
}

impl<const N: usize> Weights<N> {
    /// The best tag for the features in `parts` among the tags `allowed` accepts; ties go to
    /// the lower tag index, so decoding is repeatable.
    pub fn best(&self, parts: &[&[u32]], allowed: impl Fn(usize) -> bool) -> usize {
        let mut total = [0f32; N];
        for part in parts {
            add_scores(&self.table, part, &mut total);
        }
        best_of(&total, allowed)
    }

    /// The model file: `magic`, the feature count, then per feature (sorted by id) its id and N
    /// weights, little-endian.
    pub fn to_bytes(&self, magic: &[u8]) -> Vec<u8> {
        let mut ids: Vec<&u32> = self.table.keys().collect();
        ids.sort_unstable();
        let mut out = Vec::with_capacity(magic.len() + 4 + ids.len() * (4 + 4 * N));
        out.extend_from_slice(magic);
        out.extend_from_slice(&(ids.len() as u32).to_le_bytes());
        for id in ids {
            out.extend_from_slice(&id.to_le_bytes());
            for w in &self.table[id] {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        out
    }

    pub fn from_bytes(bytes: &[u8], magic: &[u8]) -> Result<Self, String> {
        let body = bytes
            .strip_prefix(magic)
            .ok_or("not a parallax model of this kind (bad header)")?;
        let (count, mut rest) = body.split_at_checked(4).ok_or("truncated model")?;
        let count = u32::from_le_bytes(count.try_into().expect("4 bytes")) as usize;
        let row = 4 + 4 * N;
        if rest.len() != count * row {
            return Err(format!(
                "model size mismatch: {} features need {} bytes, found {}",
                count,
                count * row,
                rest.len()
            ));
        }
        let mut table = FxHashMap::default();
        table.reserve(count);
        while !rest.is_empty() {
            let (entry, tail) = rest.split_at(row);
            let id = u32::from_le_bytes(entry[..4].try_into().expect("4 bytes"));
            let mut w = [0f32; N];
            for (k, chunk) in entry[4..].chunks_exact(4).enumerate() {
                w[k] = f32::from_le_bytes(chunk.try_into().expect("4 bytes"));
            }
            table.insert(id, w);
            rest = tail;
        }
        Ok(Self { table })
    }
}

impl<const N: usize> Weights<N> {
    /// The mean of several taggers' weights, a feature missing from one counting 0 there: the
    /// bagged model of taggers trained in different orders, steadier than any one of them. Means
    /// smaller than `prune_below` in every tag are dropped. The sum runs in model order, so the
    /// same models give the same bytes.
    pub fn mean(models: &[Weights<N>], prune_below: f32) -> Weights<N> {
        let mut sums: FxHashMap<u32, [f64; N]> = FxHashMap::default();
        for model in models {
            for (f, w) in &model.table {
                let sum = sums.entry(*f).or_insert([0.0; N]);
                for (s, w) in sum.iter_mut().zip(w) {
                    *s += f64::from(*w);
                }
            }
        }
        let n = models.len().max(1) as f64;
        let table = sums
            .into_iter()
            .map(|(f, sum)| (f, sum.map(|s| (s / n) as f32)))
            .filter(|(_, mean)| mean.iter().any(|w| w.abs() >= prune_below))
            .collect();
        Weights { table }
    }
}

/// The weights of K taggers over one feature space, side by side: taggers that read the same
/// features of a token pay one lookup per feature between them, not K. Each layer remembers which
/// features it had, so the K weight sets come back out exactly.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StackedWeights<const N: usize, const K: usize> {
    table: FxHashMap<u32, StackedRow<N, K>>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct StackedRow<const N: usize, const K: usize> {
    weights: [[f32; N]; K],
    /// bit k: layer k has this feature
    layers: u32,
}

impl<const N: usize, const K: usize> StackedWeights<N, K> {
    pub fn stack(parts: [&Weights<N>; K]) -> Self {
        let mut table: FxHashMap<u32, StackedRow<N, K>> = FxHashMap::default();
        for (k, part) in parts.iter().enumerate() {
            for (&id, w) in &part.table {
                let row = table.entry(id).or_insert(StackedRow {
                    weights: [[0.0; N]; K],
                    layers: 0,
                });
                row.weights[k] = *w;
                row.layers |= 1 << k;
            }
        }
        Self { table }
    }

    /// Layer k as the weights it was stacked from.
    pub fn layer(&self, k: usize) -> Weights<N> {
        let table = self
            .table
            .iter()
            .filter(|(_, row)| row.layers >> k & 1 == 1)
            .map(|(&id, row)| (id, row.weights[k]))
            .collect();
        Weights { table }
    }

    /// Adds every layer's weights of `features` to that layer's scores, feature by feature in
    /// order: each layer's sums are those its own [`Weights`] would make.
    pub fn add_scores(&self, features: &[u32], scores: &mut [[f32; N]; K]) {
        for f in features {
            if let Some(row) = self.table.get(f) {
                for (layer, w) in scores.iter_mut().zip(&row.weights) {
                    for (s, w) in layer.iter_mut().zip(w) {
                        *s += w;
                    }
                }
            }
        }
    }

    /// Adds layer k's weights of `features` to `scores`.
    pub fn add_layer_scores(&self, k: usize, features: &[u32], scores: &mut [f32; N]) {
        for f in features {
            if let Some(row) = self.table.get(f) {
                for (s, w) in scores.iter_mut().zip(&row.weights[k]) {
                    *s += w;
                }
            }
        }
    }
}

/// The best tag of `scores` among those `allowed` accepts; ties go to the lower tag index.
pub fn best_tag<const N: usize>(scores: &[f32; N], allowed: impl Fn(usize) -> bool) -> usize {
    best_of(scores, allowed)
}

fn add_scores<const N: usize>(
    table: &FxHashMap<u32, [f32; N]>,
    features: &[u32],
    scores: &mut [f32; N],
) {
    for f in features {
        if let Some(w) = table.get(f) {
            for (s, w) in scores.iter_mut().zip(w) {
                *s += w;
            }
        }
    }
}

fn best_of<const N: usize>(scores: &[f32; N], allowed: impl Fn(usize) -> bool) -> usize {
    (0..N)
        .filter(|&t| allowed(t))
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
        .unwrap_or(0)
}

/// One training example as the trainer sees it: its length and gold tags; the caller's
/// `features` closure knows the rest.
pub struct Example<'a> {
    pub gold: &'a [usize],
}

/// Trains greedy tagging for `epochs` passes over the examples, in an order shuffled by `seed`.
/// `features(example, i, before, out)` writes token i's features given the tags chosen before it;
/// `allowed(tag, previous)` says which tag may follow which. Averaged weights smaller than
/// `prune_below` in every tag are dropped.
pub fn train<const N: usize>(
    examples: &[Example],
    epochs: usize,
    seed: u64,
    prune_below: f32,
    features: impl Fn(usize, usize, &[usize], &mut Vec<u32>),
    allowed: impl Fn(usize, Option<usize>) -> bool,
) -> Weights<N> {
    let mut training = Training::<N>::default();
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut rng = seed.max(1);
    let mut buffer = Vec::new();
    for _ in 0..epochs {
        shuffle(&mut order, &mut rng);
        for &s in &order {
            let gold = examples[s].gold;
            let mut tags: Vec<usize> = Vec::with_capacity(gold.len());
            for (i, &gold_tag) in gold.iter().enumerate() {
                buffer.clear();
                features(s, i, &tags, &mut buffer);
                let previous = tags.last().copied();
                let mut scores = [0f32; N];
                add_scores(&training.weights, &buffer, &mut scores);
                let guess = best_of(&scores, |t| allowed(t, previous));
                if guess != gold_tag {
                    for &f in &buffer {
                        training.update(f, gold_tag, 1.0);
                        training.update(f, guess, -1.0);
                    }
                }
                training.clock += 1;
                tags.push(guess);
            }
        }
    }
    training.averaged(prune_below)
}

/// Perceptron state while training: weights, and for averaging the sum of each update weighted
/// by when it happened (the averaged weight is w - u / clock; Daumé's trick).
struct Training<const N: usize> {
    weights: FxHashMap<u32, [f32; N]>,
    timed: FxHashMap<u32, [f64; N]>,
    clock: u64,
}

impl<const N: usize> Default for Training<N> {
    fn default() -> Self {
        Self {
            weights: FxHashMap::default(),
            timed: FxHashMap::default(),
            clock: 0,
        }
    }
}

impl<const N: usize> Training<N> {
    fn update(&mut self, feature: u32, tag: usize, delta: f32) {
        self.weights.entry(feature).or_insert([0.0; N])[tag] += delta;
        self.timed.entry(feature).or_insert([0.0; N])[tag] += self.clock as f64 * delta as f64;
    }

    fn averaged(self, prune_below: f32) -> Weights<N> {
        let clock = self.clock.max(1) as f64;
        let mut table = FxHashMap::default();
        for (f, w) in self.weights {
            let timed = self.timed[&f];
            let mut avg = [0f32; N];
            for k in 0..N {
                avg[k] = (w[k] as f64 - timed[k] / clock) as f32;
            }
            if avg.iter().any(|w| w.abs() >= prune_below) {
                table.insert(f, avg);
            }
        }
        Weights { table }
    }
}

/// Fisher-Yates with xorshift64: a fixed, dependency-free order for a given seed.
fn shuffle(order: &mut [usize], state: &mut u64) {
    for i in (1..order.len()).rev() {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        order.swap(i, (*state % (i as u64 + 1)) as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_tag_from_a_feature_and_survives_its_file() {
        // feature 10 means tag 1, feature 20 tag 2; tag 2 may not follow tag 1
        let gold = [vec![1, 0], vec![2, 0], vec![0, 1]];
        let inputs = [vec![10, 0], vec![20, 0], vec![0, 10]];
        let examples: Vec<Example> = gold.iter().map(|g| Example { gold: g }).collect();
        let weights: Weights<3> = train(
            &examples,
            5,
            7,
            0.0,
            |s, i, _, out| out.push(inputs[s][i]),
            |t, prev| !(t == 2 && prev == Some(1)),
        );
        assert_eq!(weights.best(&[&[10]], |_| true), 1);
        assert_eq!(weights.best(&[&[20], &[0]], |_| true), 2);
        assert_ne!(weights.best(&[&[20]], |t| t != 2), 2);
        let bytes = weights.to_bytes(b"TEST\n");
        assert_eq!(
            Weights::<3>::from_bytes(&bytes, b"TEST\n").unwrap(),
            weights
        );
        assert!(Weights::<3>::from_bytes(&bytes[..bytes.len() - 1], b"TEST\n").is_err());
        assert!(Weights::<3>::from_bytes(&bytes, b"OTHER\n").is_err());
    }

    /// Two-tag weights from (feature, weights) rows.
    fn table(rows: &[(u32, [f32; 2])]) -> Weights<2> {
        Weights {
            table: rows.iter().copied().collect(),
        }
    }

    #[test]
    fn a_bagged_model_scores_as_the_mean_of_its_members() {
        let first = table(&[(1, [2.0, -4.0]), (2, [0.5, 0.5])]);
        let second = table(&[(1, [4.0, 0.0]), (3, [-3.0, 3.0])]);
        let mean = Weights::mean(&[first.clone(), second], 1.0);
        assert_eq!(
            mean,
            table(&[(1, [3.0, -2.0]), (3, [-1.5, 1.5])]),
            "a feature one member lacks counts 0 there; a mean under 1 in every tag is dropped"
        );
        assert_eq!(Weights::mean(std::slice::from_ref(&first), 0.0), first);
    }

    #[test]
    fn stacked_layers_score_as_their_own_weights_and_come_back_whole() {
        let first = table(&[(1, [0.5, -1.0]), (2, [0.0, 0.0])]);
        let second = table(&[(2, [3.0, 0.25]), (3, [-2.0, 1.0])]);
        let stacked = StackedWeights::stack([&first, &second]);
        assert_eq!(
            stacked.layer(0),
            first,
            "a feature with zero weights stays in its layer"
        );
        assert_eq!(stacked.layer(1), second);
        let mut scores = [[0.0; 2]; 2];
        stacked.add_scores(&[1, 2, 3, 9], &mut scores);
        assert_eq!(scores, [[0.5, -1.0], [1.0, 1.25]]);
        let mut layer = [1.0, 1.0];
        stacked.add_layer_scores(1, &[3], &mut layer);
        assert_eq!(layer, [-1.0, 2.0]);
        assert_eq!(best_tag(&scores[1], |_| true), 1);
        assert_eq!(best_tag(&scores[1], |t| t == 0), 0);
    }
}
