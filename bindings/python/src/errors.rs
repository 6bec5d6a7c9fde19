//! The one place where the core's errors become Python exceptions.
//!
//! The exception classes are defined in Python (`protecteu/_errors.py`) because they need two
//! bases each (`ValidationError(ProtectEUError, ValueError)`, `NotFoundError(ProtectEUError,
//! KeyError)`), which a compiled exception type cannot have.

use pyo3::prelude::*;

use crate::entities::Problem;

/// A class or function of the pure-Python part of the package.
pub(crate) fn support<'py>(
    py: Python<'py>,
    module: &str,
    name: &str,
) -> PyResult<Bound<'py, PyAny>> {
    py.import(module)?.getattr(name)
}

fn exception<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    support(py, "protecteu._errors", name)
}

/// The Python exception for a core error.
pub(crate) fn to_py(py: Python<'_>, error: protecteu::Error) -> PyErr {
    match build(py, error) {
        Ok(err) | Err(err) => err,
    }
}

fn build(py: Python<'_>, error: protecteu::Error) -> PyResult<PyErr> {
    let message = error.to_string();
    let value = match error {
        protecteu::Error::Invalid(report) => {
            let problems: Vec<Problem> = report.problems.into_iter().map(Problem::from).collect();
            exception(py, "ValidationError")?.call1((message, problems))?
        }
        protecteu::Error::NotFound {
            kind,
            id,
            suggestion,
        } => exception(py, "NotFoundError")?.call1((message, kind.name(), id, suggestion))?,
        protecteu::Error::InvalidArgument {
            name,
            value,
            expected,
        } => exception(py, "InvalidArgumentError")?.call1((message, name, value, expected))?,
        protecteu::Error::Io { path, .. } => exception(py, "LoadError")?.call1((message, path))?,
        protecteu::Error::Write { path, .. } => {
            exception(py, "WriteError")?.call1((message, path))?
        }
        protecteu::Error::FingerprintMismatch { expected, actual } => {
            exception(py, "FingerprintError")?.call1((message, expected, actual))?
        }
        _ => exception(py, "ProtectEUError")?.call1((message,))?,
    };
    Ok(PyErr::from_value(value))
}

/// Converts a core result, mapping its error.
pub(crate) trait OrRaise<T> {
    /// The value, or the Python exception for the core error.
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> OrRaise<T> for Result<T, protecteu::Error> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py(py, e))
    }
}
