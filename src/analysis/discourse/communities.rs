//! Communities of a one-mode network by weighted label propagation (Raghavan, Albert and Kumara
//! 2007), made deterministic: nodes are visited in order and a tie goes to the smallest label.
//! Only positive weights pull nodes together (a conflict network's ties are not coalitions).

use super::Matrix;

/// A community number (0, 1, …, numbered by first node) for each row of a square matrix.
pub fn communities(m: &Matrix) -> Vec<usize> {
    let n = m.rows.len();
    if m.columns.len() != n {
        return (0..n).collect();
    }
    let mut label: Vec<usize> = (0..n).collect();
    for _ in 0..100 {
        let mut changed = false;
        for i in 0..n {
            let mut score: Vec<(usize, f64)> = Vec::new();
            for (j, &lj) in label.iter().enumerate() {
                let w = m.get(i, j).max(m.get(j, i));
                if i == j || w <= 0.0 {
                    continue;
                }
                match score.iter_mut().find(|(l, _)| *l == lj) {
                    Some((_, s)) => *s += w,
                    None => score.push((lj, w)),
                }
            }
            let of = |l: usize| score.iter().find(|(x, _)| *x == l).map_or(0.0, |(_, s)| *s);
            // The heaviest label around; a tie goes to the smallest.
            let best = score.iter().copied().max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
            // Moving only to a strictly heavier label keeps the sweep from oscillating.
            if let Some((l, s)) = best
                && l != label[i]
                && s > of(label[i])
            {
                label[i] = l;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    // Renumber by first appearance.
    let mut seen: Vec<usize> = Vec::new();
    label
        .iter()
        .map(|l| match seen.iter().position(|x| x == l) {
            Some(k) => k,
            None => {
                seen.push(*l);
                seen.len() - 1
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_cliques_joined_by_a_weak_tie_are_two_communities() {
        let names: Vec<String> = "ABCDEFG".chars().map(String::from).collect();
        let mut m = Matrix::zeros(names.clone(), names);
        let mut tie = |a: usize, b: usize, w: f64| {
            m.set(a, b, w);
            m.set(b, a, w);
        };
        for (a, b) in [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5)] {
            tie(a, b, 3.0);
        }
        tie(2, 3, 1.0);
        tie(5, 6, -2.0);
        let c = communities(&m);
        assert_eq!(&c[..6], [0, 0, 0, 1, 1, 1]);
        assert_eq!(c[6], 2, "a node tied only by conflict stays alone");
    }
}
