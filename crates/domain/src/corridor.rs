//! Migration corridors.

use std::fmt;

use crate::area::Iso3;

/// A corridor from an origin to a destination: the direction in which people migrate.
///
/// Remittances flow the other way, from the destination (sender) to the origin
/// (receiver); [`Corridor::remittance_sender`] and [`Corridor::remittance_receiver`]
/// name the two ends in those terms so that code never has to flip them by hand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Corridor {
    /// Country of origin (of birth or citizenship, as the source defines it).
    pub orig: Iso3,
    /// Country of destination (of residence).
    pub dest: Iso3,
}

impl Corridor {
    /// Makes a corridor.
    ///
    /// # Errors
    /// Returns [`CorridorError`] if origin and destination are the same.
    pub fn new(orig: Iso3, dest: Iso3) -> Result<Corridor, CorridorError> {
        if orig == dest { Err(CorridorError(orig)) } else { Ok(Corridor { orig, dest }) }
    }

    /// The country that sends remittances along this corridor (the destination).
    pub fn remittance_sender(self) -> Iso3 {
        self.dest
    }

    /// The country that receives remittances along this corridor (the origin).
    pub fn remittance_receiver(self) -> Iso3 {
        self.orig
    }

    /// The corridor in the opposite direction.
    pub fn reversed(self) -> Corridor {
        Corridor { orig: self.dest, dest: self.orig }
    }
}

impl fmt::Display for Corridor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}→{}", self.orig, self.dest)
    }
}

/// A corridor whose two ends are the same country.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CorridorError(Iso3);

impl fmt::Display for CorridorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a corridor needs two different countries, got {} twice", self.0)
    }
}

impl std::error::Error for CorridorError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corridor_directions() {
        let c = Corridor::new(Iso3::from_static("PHL"), Iso3::from_static("SAU")).unwrap();
        assert_eq!(c.remittance_sender().as_str(), "SAU");
        assert_eq!(c.remittance_receiver().as_str(), "PHL");
        assert_eq!(c.reversed().orig.as_str(), "SAU");
        assert_eq!(c.to_string(), "PHL→SAU");
        assert!(Corridor::new(c.orig, c.orig).is_err());
    }
}
