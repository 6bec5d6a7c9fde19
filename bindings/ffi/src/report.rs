//! The progress report page, as a `Strategy` method: calls the core.

use crate::dates::CalendarDate;
use crate::error::Result;
use crate::strategy::Strategy;

#[uniffi::export]
impl Strategy {
    /// The progress report: one self-contained HTML page, statuses read on `as_of` (default:
    /// the data set's as-of date). The same data and date give the same bytes as
    /// `protecteu report` and the Python binding.
    ///
    /// # Errors
    /// `InvalidArgument` for a date that does not exist (from Swift `DateComponents`).
    ///
    /// ```ignore
    /// // Run as the unit test `doc_example_report` (a cdylib has no doctests).
    /// let s = protecteu_ffi::Strategy::embedded().unwrap();
    /// let html = s.report_html(protecteu::parse_date("2026-01-15").ok()).unwrap();
    /// assert!(html.starts_with("<!DOCTYPE html>"));
    /// ```
    #[uniffi::method(default(as_of = None))]
    pub fn report_html(&self, as_of: Option<CalendarDate>) -> Result<String> {
        Ok(self.core().report_html(as_of))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn doc_example_report() {
        let s = crate::Strategy::embedded().unwrap();
        let html = s
            .report_html(protecteu::parse_date("2026-01-15").ok())
            .unwrap();
        assert!(html.starts_with("<!DOCTYPE html>"));
    }
}
