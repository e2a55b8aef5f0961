//! The fuzzer's only source of randomness: ChaCha8 seeded from the run's seed, one
//! stream per case, so case `n` of seed `s` is the same bytes on every machine and in
//! every run, whatever ran before it.

use rand::{Rng, SeedableRng};

/// A seeded random source with the few draws the mutators need.
pub(crate) struct Dice(rand::rngs::ChaCha8Rng);

impl Dice {
    /// The stream of case `case` of a run seeded `seed`.
    pub(crate) fn for_case(seed: u64, case: u64) -> Dice {
        let mut rng = rand::rngs::ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(case);
        Dice(rng)
    }

    /// A number in `0..n` (`0` when `n` is `0`).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        // The modulo bias is irrelevant for a fuzzer; determinism is what matters.
        (self.0.next_u64() % n as u64) as usize
    }

    /// `true` with a probability of `percent` in 100.
    pub(crate) fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One element of a non-empty slice.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A random 64-bit value.
    pub(crate) fn bits(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A length from 1 up to `max`, small lengths far more likely than large ones.
    pub(crate) fn small_len(&mut self, max: usize) -> usize {
        let max = max.max(1);
        let bound = 1usize << self.below(usize::BITS as usize - max.leading_zeros() as usize + 1);
        1 + self.below(bound.min(max))
    }
}

#[cfg(test)]
mod tests {
    use super::Dice;

    #[test]
    fn the_same_seed_and_case_give_the_same_draws_and_cases_differ() {
        let draws = |seed, case| {
            let mut d = Dice::for_case(seed, case);
            (0..8).map(|_| d.bits()).collect::<Vec<_>>()
        };
        assert_eq!(draws(1, 7), draws(1, 7));
        assert_ne!(draws(1, 7), draws(1, 8));
        assert_ne!(draws(1, 7), draws(2, 7));
    }

    #[test]
    fn small_lengths_stay_in_range() {
        let mut d = Dice::for_case(3, 0);
        for max in [1, 2, 7, 1000] {
            for _ in 0..200 {
                let n = d.small_len(max);
                assert!((1..=max).contains(&n), "{n} of {max}");
            }
        }
    }
}
