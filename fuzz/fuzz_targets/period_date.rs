//! Period and date arguments: any text is parsed or rejected with `InvalidArgument`, never a
//! panic; a parsed period prints back to text that parses to the same period.
#![no_main]

use libfuzzer_sys::fuzz_target;
use protecteu::{parse_date, parse_period, Error, Period};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match parse_period(text) {
        Ok(p) => {
            let again: Period = p.to_string().parse().unwrap_or_else(|e| {
                panic!("period {p} from {text:?} prints as text that does not parse: {e}")
            });
            assert_eq!(again, p);
            assert!(p.start() <= p.end());
            assert!(p.contains(p.start()) && p.contains(p.end()));
        }
        Err(Error::InvalidArgument { .. }) => {}
        Err(other) => panic!("unexpected error kind: {other:?}"),
    }
    match parse_date(text) {
        Ok(d) => {
            // Whatever parses is a real date that prints as ISO and parses back.
            if !text.trim().eq_ignore_ascii_case("today") {
                assert_eq!(parse_date(&d.to_string()).ok(), Some(d));
            }
        }
        Err(Error::InvalidArgument { .. }) => {}
        Err(other) => panic!("unexpected error kind: {other:?}"),
    }
    // Years given as numbers (the bindings pass integers through).
    if data.len() >= 4 {
        let year = i32::from_le_bytes([data[0], data[1], data[2], data[3]]);
        if let Some(p) = Period::year(year) {
            assert_eq!(p.year_number(), year);
        }
    }
});
