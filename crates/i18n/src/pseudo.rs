//! The pseudo-language `en-XA`: English with accented letters and every text about
//! 40 % longer, so that a layout that only fits English shows itself in tests while
//! the text stays readable.

/// `text` with its ASCII letters accented and `~` added to make it about 40 %
/// longer (at least one more character for a non-empty text).
pub(crate) fn lengthen(text: &str) -> String {
    let chars = text.chars().count();
    if chars == 0 {
        return String::new();
    }
    let mut out: String = text.chars().map(accent).collect();
    let extra = (chars * 2).div_ceil(5);
    out.extend(std::iter::repeat_n('~', extra));
    out
}

fn accent(c: char) -> char {
    match c {
        'a' => 'á',
        'e' => 'é',
        'i' => 'í',
        'o' => 'ó',
        'u' => 'ú',
        'c' => 'ç',
        'n' => 'ñ',
        'A' => 'Å',
        'E' => 'É',
        'O' => 'Ö',
        'U' => 'Ü',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_grow_by_about_forty_percent() {
        assert_eq!(lengthen(""), "");
        assert_eq!(lengthen("a"), "á~");
        let long = lengthen("Migrant stocks");
        assert_eq!(long.chars().count(), 14 + 6);
        assert!(long.starts_with("Mígráñt"));
    }
}
