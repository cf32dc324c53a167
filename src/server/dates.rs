//! Calendar days and months as the forms send them, turned into dates.

use crate::domain::parse_month;
use time::{Date, Month, OffsetDateTime, UtcOffset};

/// `(year, month, day)` as a date, if that day exists.
pub fn date((year, month, day): (i32, u8, u8)) -> Option<Date> {
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// The first day of `year`-`month`.
pub fn first_day(year: i32, month: u8) -> Option<Date> {
    date((year, month, 1))
}

/// The month typed (`YYYY-MM`), or the current month in India.
pub fn month_or_current(input: &str) -> Date {
    parse_month(input)
        .ok()
        .and_then(|(y, m)| first_day(y, m))
        .unwrap_or_else(|| {
            let india = UtcOffset::from_hms(5, 30, 0).unwrap_or(UtcOffset::UTC);
            let today = OffsetDateTime::now_utc().to_offset(india).date();
            today.replace_day(1).unwrap_or(today)
        })
}

/// `YYYY-MM`.
pub fn month_value(first_day: Date) -> String {
    format!("{:04}-{:02}", first_day.year(), u8::from(first_day.month()))
}
