//! Calendar dates: from front matter (`2022-12-16`) or a dateline in the
//! text ("December 16 2022", "04 October 2021", "16 Dec 2022").

use std::fmt;

use compact_str::CompactString;
use foldhash::HashMap;

use crate::text::tokens;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A checked date.
    #[must_use]
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        ((1..=12).contains(&month) && (1..=31).contains(&day) && (1000..=9999).contains(&year)).then_some(Self {
            year,
            month,
            day,
        })
    }

    /// Parses `YYYY-MM-DD`.
    #[must_use]
    pub fn parse_iso(text: &str) -> Option<Self> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.get(..2)?.parse().ok()?;
        Self::new(year, month, day)
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    #[must_use]
    pub fn days(self) -> i64 {
        let (year, month) = if self.month <= 2 {
            (i64::from(self.year) - 1, i64::from(self.month) + 9)
        } else {
            (i64::from(self.year), i64::from(self.month) - 3)
        };
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * month + 2) / 5 + i64::from(self.day) - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// Whole days between two dates.
    #[must_use]
    pub fn days_between(self, other: Self) -> i64 {
        (self.days() - other.days()).abs()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Every finding's message carries two dates: written digit by
        // digit, not through the formatting machinery.
        let (Ok(year @ 0..=9999), month @ 0..=99, day @ 0..=99) = (u16::try_from(self.year), self.month, self.day)
        else {
            return write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day);
        };
        let mut iso = *b"0000-00-00";
        for (field, value) in [(0..4, year), (5..7, u16::from(month)), (8..10, u16::from(day))] {
            let mut rest = value;
            for digit in iso[field].iter_mut().rev() {
                *digit = b"0123456789"[usize::from(rest % 10)];
                rest /= 10;
            }
        }
        f.write_str(std::str::from_utf8(&iso).map_err(|_| fmt::Error)?)
    }
}

/// The first full date written in the article's head: a day, a month name
/// and a year in either order ("December 16 2022", "16 Dec 2022", "December
/// 16, 2022"). A date further into the body is what the story is about
/// ("broke apart in mid-air on July 17, 2014"), not when it was written.
/// `is_chrome` tells the lines of web chrome (a ticker of other stories)
/// by their offset in `text`: they are no paragraph of the article.
#[must_use]
pub fn find_dateline(text: &str, is_chrome: impl Fn(usize) -> bool, months: &HashMap<String, u8>) -> Option<Date> {
    let text = head(text, is_chrome);
    let number = |w: &str| w.parse::<i32>().ok();
    let day = |w: &str| number(w).and_then(|d| u8::try_from(d).ok()).filter(|d| (1..=31).contains(d));
    let year = |w: &str| number(w).filter(|y| (1900..=2100).contains(y) && w.len() == 4);
    // Read word by word: the dateline is near the top, and an article
    // without one should not be tokenized whole twice.
    // An abbreviated month keeps its period as a token of its own ("Feb. 5,
    // 2023"): neither it nor a comma separates a date's parts.
    let mut words = tokens(text, 0).map(|t| t.norm).filter(|w| w != "," && w != ".");
    let mut window: [CompactString; 3] = [words.next()?, words.next()?, CompactString::default()];
    for next in words {
        window[2] = next;
        if let Some(&month) = months.get(window[1].as_str()) {
            if let (Some(d), Some(y)) = (day(&window[0]), year(&window[2])) {
                return Date::new(y, month, d);
            }
        }
        if let Some(&month) = months.get(window[0].as_str()) {
            if let (Some(d), Some(y)) = (day(&window[1]), year(&window[2])) {
                return Date::new(y, month, d);
            }
        }
        window.rotate_left(1);
    }
    None
}

/// A line longer than this is a paragraph of the body.
const PARAGRAPH: usize = 160;

/// How far into the first paragraph a dateline may stand ("KYIV, Jan 8
/// (Kyiv Morning Wire) - ...").
const LEAD_IN: usize = 100;

/// The lines above the first paragraph and that paragraph's lead-in: where
/// a dateline is written.
fn head(text: &str, is_chrome: impl Fn(usize) -> bool) -> &str {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.len() > PARAGRAPH && !is_chrome(at) {
            let mut end = at + LEAD_IN;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            return &text[..end];
        }
        at += line.len();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_print_as_iso_with_padding() {
        let date = |year, month, day| Date { year, month, day }.to_string();
        assert_eq!(date(2022, 1, 5), "2022-01-05");
        assert_eq!(date(999, 12, 31), "0999-12-31");
        assert_eq!(date(12_345, 6, 7), "12345-06-07");
        assert_eq!(date(-44, 3, 15), "-044-03-15");
        assert_eq!(date(2022, 200, 5), "2022-200-05");
    }

    fn months() -> HashMap<String, u8> {
        [("december", 12), ("dec", 12), ("october", 10)].map(|(m, n)| (m.to_string(), n)).into_iter().collect()
    }

    #[test]
    fn datelines_in_three_orders() {
        let expect = Date::new(2022, 12, 16);
        assert_eq!(find_dateline("By News Desk - December 16 2022", |_| false, &months()), expect);
        assert_eq!(find_dateline("• 16 Dec 2022 20:05", |_| false, &months()), expect);
        assert_eq!(find_dateline("on December 16, 2022.", |_| false, &months()), expect);
        assert_eq!(find_dateline("Press release 04 October 2021", |_| false, &months()), Date::new(2021, 10, 4));
        assert_eq!(find_dateline("Posted Dec. 16, 2022", |_| false, &months()), expect);
    }

    #[test]
    fn a_date_in_the_body_is_no_dateline() {
        let body = "MOSCOW, Dec 17 (Wire) - Investigators said on Thursday, in a statement read to reporters, \
                    that the missile system that downed the airliner on December 16, 2014, was Russian.";
        assert_eq!(find_dateline(body, |_| false, &months()), None);
        let headed = format!("Eastern Wire | 16 Dec 2022\n\n{body}");
        assert_eq!(find_dateline(&headed, |_| false, &months()), Date::new(2022, 12, 16));
    }

    #[test]
    fn a_date_without_year_is_no_dateline() {
        assert_eq!(find_dateline("State TV on December 17 quoted sources", |_| false, &months()), None);
    }

    #[test]
    fn day_counts() {
        let a = Date::new(2014, 9, 17).unwrap();
        let b = Date::new(2022, 12, 16).unwrap();
        assert_eq!(a.days_between(b), 3012);
        assert_eq!(Date::new(1970, 1, 1).unwrap().days(), 0);
    }
}
