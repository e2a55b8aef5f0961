//! The pseudo-language `en-XA`: English with accented letters and every text about
//! 40 % longer, so that a layout that only fits English shows itself in tests while
//! the text stays readable.

/// `text` with its ASCII letters accented and each word made about 40 % longer with
/// `~` (at least one more character for a non-empty word), so that the text grows as a
/// translation would while it can still wrap between its words.
pub(crate) fn lengthen(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut word = 0usize;
    let pad = |out: &mut String, word: usize| {
        out.extend(std::iter::repeat_n('~', (word * 2).div_ceil(5)));
    };
    for c in text.chars() {
        if c.is_whitespace() {
            pad(&mut out, word);
            word = 0;
            out.push(c);
        } else {
            word += 1;
            out.push(accent(c));
        }
    }
    pad(&mut out, word);
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
        assert_eq!(long, "Mígráñt~~~ stóçks~~~");
        assert_eq!(lengthen(" a "), " á~ ");
    }
}
