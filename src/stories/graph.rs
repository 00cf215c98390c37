//! The neighbour graph stories are read from: each document linked to the documents most like it,
//! and the graph's communities (Louvain modularity, each connected part on its own).
//!
//! Why a graph and not centroids: a document's nearest neighbour is almost always a report of the
//! same event, but a centroid of two events of one kind (two rehab stays, two quakes on one
//! island) looks like both, and takes in both. Communities follow the dense links within an
//! event and cut the thin ones between two events.

use std::cell::RefCell;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::Vector;

/// Postings of a term an undated document reads at most: a term in more documents than this is
/// too common to find its neighbours by. The cap keeps the cost per document bounded.
const POSTINGS_UNDATED: usize = 200;

/// Postings of a term a dated document reads: those of the reports nearest to it in time, half
/// before and half after. The reports of the same days are the ones it can link to, and the cost
/// per document stays flat as the archive grows.
const POSTINGS_DATED: usize = 64;

thread_local! {
    /// Per-thread dot-product accumulator over all documents, and the documents it touched.
    static SCORES: RefCell<(Vec<f32>, Vec<u32>)> = const { RefCell::new((Vec::new(), Vec::new())) };
}

/// For each document, up to `k` other documents with their similarity, most similar first:
/// those whose similarity (after `weaken(i, j, sim)`, which accounts for time apart) reaches
/// `threshold`. `time_order` lists the documents in order of publication; `dated[i]` says
/// whether document i has a date.
pub fn nearest(
    vectors: &[Vector],
    time_order: &[usize],
    dated: &[bool],
    k: usize,
    threshold: f32,
    weaken: impl Fn(usize, usize, f32) -> f32 + Sync,
) -> Vec<Vec<(usize, f32)>> {
    let n = vectors.len();
    let mut rank = vec![0u32; n];
    for (r, &i) in time_order.iter().enumerate() {
        rank[i] = r as u32;
    }
    // per term, (rank, document, weight) in order of rank
    let mut postings: FxHashMap<u32, Vec<(u32, u32, f32)>> = FxHashMap::default();
    for &i in time_order {
        for &(t, w) in &vectors[i] {
            postings.entry(t).or_default().push((rank[i], i as u32, w));
        }
    }
    (0..n)
        .into_par_iter()
        .map(|i| {
            SCORES.with(|cell| {
                let (scores, touched) = &mut *cell.borrow_mut();
                scores.resize(n, 0.0);
                for &(t, w) in &vectors[i] {
                    let Some(list) = postings.get(&t) else {
                        continue;
                    };
                    let (start, end) = if dated[i] && list.len() > POSTINGS_DATED {
                        let at = list.partition_point(|&(r, _, _)| r < rank[i]);
                        let end = (at.saturating_sub(POSTINGS_DATED / 2) + POSTINGS_DATED)
                            .min(list.len());
                        (end - POSTINGS_DATED, end)
                    } else if dated[i] || list.len() <= POSTINGS_UNDATED {
                        (0, list.len())
                    } else {
                        continue;
                    };
                    for &(_, j, wj) in &list[start..end] {
                        let s = &mut scores[j as usize];
                        if *s == 0.0 {
                            touched.push(j);
                        }
                        *s += w * wj;
                    }
                }
                let mut found: Vec<(usize, f32)> = Vec::new();
                for &j in touched.iter() {
                    let j = j as usize;
                    let sim = std::mem::take(&mut scores[j]);
                    if j != i && sim >= threshold {
                        let sim = weaken(i, j, sim);
                        if sim >= threshold {
                            found.push((j, sim));
                        }
                    }
                }
                touched.clear();
                found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                found.truncate(k);
                found
            })
        })
        .collect()
}

/// An undirected weighted graph: for each node its neighbours (each edge listed at both ends)
/// and the weight of its self-loop (links inside a node that stands for several documents).
#[derive(Debug, Clone, Default)]
pub struct Graph {
    pub edges: Vec<Vec<(usize, f64)>>,
    pub loops: Vec<f64>,
}

impl Graph {
    pub fn with_nodes(n: usize) -> Self {
        Self {
            edges: vec![Vec::new(); n],
            loops: vec![0.0; n],
        }
    }

    /// Adds weight to the link between `a` and `b` (a loop when they are the same node).
    pub fn link(&mut self, a: usize, b: usize, w: f64) {
        if a == b {
            self.loops[a] += w;
            return;
        }
        for (x, y) in [(a, b), (b, a)] {
            match self.edges[x].iter_mut().find(|(z, _)| *z == y) {
                Some(edge) => edge.1 += w,
                None => self.edges[x].push((y, w)),
            }
        }
    }

    fn degree(&self, i: usize) -> f64 {
        self.edges[i].iter().map(|(_, w)| w).sum::<f64>() + 2.0 * self.loops[i]
    }

    /// Node sets of the connected parts, each sorted, in order of their smallest node.
    pub fn components(&self) -> Vec<Vec<usize>> {
        let n = self.edges.len();
        let mut seen = vec![false; n];
        let mut parts = Vec::new();
        for start in 0..n {
            if seen[start] {
                continue;
            }
            seen[start] = true;
            let mut part = vec![start];
            let mut next = 0;
            while next < part.len() {
                let i = part[next];
                next += 1;
                for &(j, _) in &self.edges[i] {
                    if !seen[j] {
                        seen[j] = true;
                        part.push(j);
                    }
                }
            }
            part.sort_unstable();
            parts.push(part);
        }
        parts
    }

    /// The subgraph of the given nodes (sorted), renumbered 0.. in their order.
    fn subgraph(&self, nodes: &[usize]) -> Graph {
        let local: FxHashMap<usize, usize> =
            nodes.iter().enumerate().map(|(k, &i)| (i, k)).collect();
        Graph {
            edges: nodes
                .iter()
                .map(|&i| {
                    self.edges[i]
                        .iter()
                        .filter_map(|&(j, w)| local.get(&j).map(|&l| (l, w)))
                        .collect()
                })
                .collect(),
            loops: nodes.iter().map(|&i| self.loops[i]).collect(),
        }
    }
}

/// Communities of the graph: for each node, its community's number. Each connected part is
/// partitioned on its own, so how finely one part is cut does not depend on how large the rest of
/// the archive is. `resolution` below 1 favours larger communities.
pub fn communities(graph: &Graph, resolution: f64) -> Vec<usize> {
    let parts = graph.components();
    let partitions: Vec<Vec<usize>> = parts
        .par_iter()
        .map(|nodes| {
            if nodes.len() < 3 {
                vec![0; nodes.len()]
            } else {
                louvain(&graph.subgraph(nodes), resolution)
            }
        })
        .collect();
    let mut community = vec![0; graph.edges.len()];
    let mut next = 0;
    for (nodes, partition) in parts.iter().zip(partitions) {
        let count = partition.iter().max().map_or(0, |m| m + 1);
        for (&i, c) in nodes.iter().zip(partition) {
            community[i] = next + c;
        }
        next += count;
    }
    community
}

/// Louvain modularity optimisation (Blondel et al. 2008): nodes move to the neighbouring
/// community that gains most modularity until none does, then each community becomes a node, and
/// again, until a level moves nothing. Nodes are visited in order, so runs are repeatable.
/// Returns each node's community, numbered 0.. in order of first node.
pub fn louvain(graph: &Graph, resolution: f64) -> Vec<usize> {
    let mut membership: Vec<usize> = (0..graph.edges.len()).collect();
    let mut level = graph.clone();
    loop {
        let (moved, local) = move_nodes(&level, resolution);
        let count = local.iter().max().map_or(0, |m| m + 1);
        for c in membership.iter_mut() {
            *c = local[*c];
        }
        if !moved || count == level.edges.len() {
            break;
        }
        level = aggregate(&level, &local, count);
    }
    membership
}

/// One level of local moving. Returns whether any node moved, and each node's community
/// renumbered 0.. in order of first node.
fn move_nodes(graph: &Graph, resolution: f64) -> (bool, Vec<usize>) {
    let n = graph.edges.len();
    let degree: Vec<f64> = (0..n).map(|i| graph.degree(i)).collect();
    let two_m: f64 = degree.iter().sum();
    let mut community: Vec<usize> = (0..n).collect();
    let mut total = degree.clone();
    if two_m == 0.0 {
        return (false, community);
    }
    let mut moved = false;
    let mut weight_to: FxHashMap<usize, f64> = FxHashMap::default();
    for _pass in 0..MAX_PASSES {
        let mut changed = false;
        for i in 0..n {
            let own = community[i];
            weight_to.clear();
            weight_to.insert(own, 0.0);
            for &(j, w) in &graph.edges[i] {
                *weight_to.entry(community[j]).or_insert(0.0) += w;
            }
            total[own] -= degree[i];
            let gain = |c: usize, w: f64| w - resolution * total[c] * degree[i] / two_m;
            let mut best = (own, gain(own, weight_to[&own]));
            let mut options: Vec<(usize, f64)> = weight_to.iter().map(|(&c, &w)| (c, w)).collect();
            options.sort_unstable_by_key(|&(c, _)| c);
            for (c, w) in options {
                let g = gain(c, w);
                if g > best.1 + 1e-12 {
                    best = (c, g);
                }
            }
            total[best.0] += degree[i];
            if best.0 != own {
                community[i] = best.0;
                changed = true;
                moved = true;
            }
        }
        if !changed {
            break;
        }
    }
    (moved, renumber(&community))
}

/// Passes over the nodes a level may take before it settles for what it has.
const MAX_PASSES: usize = 50;

/// Labels renumbered 0.. in order of first appearance.
pub(super) fn renumber(labels: &[usize]) -> Vec<usize> {
    let mut map: FxHashMap<usize, usize> = FxHashMap::default();
    labels
        .iter()
        .map(|&l| {
            let next = map.len();
            *map.entry(l).or_insert(next)
        })
        .collect()
}

/// The graph of communities: one node per community, links summed, links inside a community
/// becoming its loop.
fn aggregate(graph: &Graph, community: &[usize], count: usize) -> Graph {
    let mut out = Graph::with_nodes(count);
    // summed in a map first, so each pair is added once without `link`'s scan of a node's edges
    // (a community may have many)
    let mut between: FxHashMap<(usize, usize), f64> = FxHashMap::default();
    for (i, edges) in graph.edges.iter().enumerate() {
        let a = community[i];
        out.loops[a] += graph.loops[i];
        for &(j, w) in edges {
            // each edge is listed at both ends: take it once
            if i < j {
                let b = community[j];
                *between.entry((a.min(b), a.max(b))).or_insert(0.0) += w;
            }
        }
    }
    let mut between: Vec<((usize, usize), f64)> = between.into_iter().collect();
    // in a fixed order, so runs are repeatable
    between.sort_unstable_by_key(|&(pair, _)| pair);
    for ((a, b), w) in between {
        if a == b {
            out.loops[a] += w;
        } else {
            out.edges[a].push((b, w));
            out.edges[b].push((a, w));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two cliques of four joined by one thin link.
    fn two_cliques() -> Graph {
        let mut g = Graph::with_nodes(8);
        for base in [0, 4] {
            for a in base..base + 4 {
                for b in a + 1..base + 4 {
                    g.link(a, b, 1.0);
                }
            }
        }
        g.link(3, 4, 0.2);
        g
    }

    #[test]
    fn louvain_cuts_the_thin_link_between_two_dense_groups() {
        let c = louvain(&two_cliques(), 1.0);
        assert!(c[..4].iter().all(|&x| x == c[0]));
        assert!(c[4..].iter().all(|&x| x == c[4]));
        assert_ne!(c[0], c[4]);
    }

    #[test]
    fn a_low_resolution_keeps_a_well_linked_pair_together() {
        let mut g = two_cliques();
        // many links between the groups: one community at a low resolution
        for a in 0..4 {
            for b in 4..8 {
                g.link(a, b, 0.6);
            }
        }
        let c = louvain(&g, 0.5);
        assert!(c.iter().all(|&x| x == c[0]), "{c:?}");
    }

    #[test]
    fn each_connected_part_is_partitioned_on_its_own() {
        let mut g = Graph::with_nodes(10);
        for a in 0..4 {
            for b in a + 1..4 {
                g.link(a, b, 1.0);
            }
        }
        g.link(5, 6, 1.0);
        let c = communities(&g, 1.0);
        assert!(c[..4].iter().all(|&x| x == c[0]));
        assert_eq!(c[5], c[6]);
        assert_ne!(c[0], c[5]);
        // lone nodes are communities of their own
        let mut lone = vec![c[4], c[7], c[8], c[9]];
        lone.sort_unstable();
        lone.dedup();
        assert_eq!(lone.len(), 4);
    }

    #[test]
    fn nearest_finds_the_most_similar_documents_above_the_threshold() {
        let v = |terms: &[(u32, f32)]| {
            let mut v: Vector = terms.to_vec();
            super::super::normalise(&mut v);
            v
        };
        let vectors = vec![
            v(&[(1, 1.0), (2, 1.0)]),
            v(&[(1, 1.0), (2, 1.0), (3, 0.2)]),
            v(&[(1, 1.0), (9, 1.0)]),
            v(&[(7, 1.0)]),
        ];
        let order = [0, 1, 2, 3];
        let dated = [true; 4];
        let near = nearest(&vectors, &order, &dated, 1, 0.3, |_, _, s| s);
        assert_eq!(near[0].len(), 1);
        assert_eq!(near[0][0].0, 1);
        assert!(near[3].is_empty());
        // weakening (time apart) can take a neighbour away
        let near = nearest(&vectors, &order, &dated, 2, 0.3, |i, j, s| {
            if i + j == 1 {
                0.0
            } else {
                s
            }
        });
        assert_eq!(near[0].iter().map(|n| n.0).collect::<Vec<_>>(), vec![2]);
    }
}
