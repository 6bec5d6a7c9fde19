//! The progress report page, as a `Strategy` method: parses the date with the core's rules,
//! calls the core.

use crate::error::Result;
use crate::strategy::Strategy;

#[uniffi::export]
impl Strategy {
    /// The progress report: one self-contained HTML page, statuses read on `as_of` (ISO date
    /// or `today`; default: the data set's as-of date). The same data and date give the same
    /// bytes as `protecteu report` and the Python binding.
    ///
    /// ```
    /// let s = protecteu_ffi::Strategy::embedded().unwrap();
    /// let html = s.report_html(Some("2026-01-15".into())).unwrap();
    /// assert!(html.starts_with("<!DOCTYPE html>"));
    /// ```
    ///
    /// # Errors
    /// `InvalidArgument` for a malformed date.
    #[uniffi::method(default(as_of = None))]
    pub fn report_html(&self, as_of: Option<String>) -> Result<String> {
        let on = as_of.as_deref().map(protecteu::parse_date).transpose()?;
        Ok(self.core().report_html(on))
    }
}
