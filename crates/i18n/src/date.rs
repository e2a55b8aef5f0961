//! Dates written in full by each language's conventions: `7 December 2026` (the
//! United Nations' English style), `7 décembre 2026` (`1er` for the first),
//! `7 de diciembre de 2026`, and in Arabic the UN's style of month names, the
//! Syriac-derived and the Latin-derived name joined by a slash
//! (`7 كانون الأول/ديسمبر 2026`), with the digits 0–9 (see [`crate::number`]).

use crate::Lang;

const EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];
const AR: [&str; 12] = [
    "كانون الثاني/يناير",
    "شباط/فبراير",
    "آذار/مارس",
    "نيسان/أبريل",
    "أيار/مايو",
    "حزيران/يونيه",
    "تموز/يوليه",
    "آب/أغسطس",
    "أيلول/سبتمبر",
    "تشرين الأول/أكتوبر",
    "تشرين الثاني/نوفمبر",
    "كانون الأول/ديسمبر",
];

/// A date in full (`month` 1–12, `day` 1–31). A month outside 1–12 is written as
/// the ISO 8601 date instead.
pub fn long(lang: Lang, year: i32, month: u8, day: u8) -> String {
    let Some(index) = usize::from(month).checked_sub(1).filter(|&i| i < 12) else {
        return format!("{year:04}-{month:02}-{day:02}");
    };
    match lang {
        Lang::En | Lang::Pseudo => format!("{day} {} {year}", EN[index]),
        Lang::Fr if day == 1 => format!("1er {} {year}", FR[index]),
        Lang::Fr => format!("{day} {} {year}", FR[index]),
        Lang::Es => format!("{day} de {} de {year}", ES[index]),
        Lang::Ar => format!("{day} {} {year}", AR[index]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_each_language() {
        assert_eq!(long(Lang::En, 2026, 12, 7), "7 December 2026");
        assert_eq!(long(Lang::Fr, 2026, 12, 7), "7 décembre 2026");
        assert_eq!(long(Lang::Fr, 2026, 3, 1), "1er mars 2026");
        assert_eq!(long(Lang::Es, 2026, 12, 7), "7 de diciembre de 2026");
        assert_eq!(long(Lang::Ar, 2026, 12, 7), "7 كانون الأول/ديسمبر 2026");
        assert_eq!(long(Lang::En, 2026, 13, 7), "2026-13-07");
    }
}
