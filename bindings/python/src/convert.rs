//! Pure type translation between Python values and the core's types: dates, periods, enum
//! names, JSON values and flat records. No rule of the model lives here.

use chrono::NaiveDate;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use pyo3::IntoPyObjectExt;
use serde::Serialize;
use serde_json::Value;

/// Columns of the core's flat records that hold ISO dates; they come back as `datetime.date`.
/// `tests/test_records.py` fails when a record gains a date column not listed here.
pub(crate) const DATE_COLUMNS: [&str; 4] = ["date", "as_of", "deadline", "status_date"];

/// The snake_case name of a closed-vocabulary value (`in_preparation`), as the data files spell it.
pub(crate) fn snake<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The names of every value of a vocabulary, in the core's order.
pub(crate) fn names<T: Serialize>(all: &[T]) -> Vec<String> {
    all.iter().map(snake).collect()
}

/// Ids as plain strings.
pub(crate) fn ids<T: ToString>(items: &[T]) -> Vec<String> {
    items.iter().map(ToString::to_string).collect()
}

/// The core's error for an argument that cannot be understood.
pub(crate) fn invalid(name: &str, value: &str, expected: String) -> protecteu::Error {
    protecteu::Error::InvalidArgument {
        name: name.to_owned(),
        value: value.to_owned(),
        expected,
    }
}

/// A date argument: a `datetime.date` or an ISO string (`2026-06-30`, or `today`).
#[derive(FromPyObject)]
pub(crate) enum DateArg {
    /// A `datetime.date` (or `datetime.datetime`, whose date is used).
    Date(NaiveDate),
    /// Text, parsed by the core.
    Text(String),
}

impl DateArg {
    pub(crate) fn parse(self) -> Result<NaiveDate, protecteu::Error> {
        match self {
            DateArg::Date(d) => Ok(d),
            DateArg::Text(t) => protecteu::parse_date(&t),
        }
    }
}

/// A period argument: a year (`2026`) or text (`"2026"`, `"2026-H1"`, `"2026-Q2"`).
#[derive(FromPyObject)]
pub(crate) enum PeriodArg {
    /// A year.
    Year(i64),
    /// Text, parsed by the core.
    Text(String),
}

impl PeriodArg {
    pub(crate) fn parse(self) -> Result<protecteu::Period, protecteu::Error> {
        match self {
            PeriodArg::Year(y) => protecteu::parse_period(&y.to_string()),
            PeriodArg::Text(t) => protecteu::parse_period(&t),
        }
    }
}

/// A JSON value as the matching Python value (objects keep their key order).
pub(crate) fn json_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    match value {
        Value::Null => Ok(py.None().into_bound(py)),
        Value::Bool(b) => b.into_bound_py_any(py),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_bound_py_any(py)
            } else if let Some(u) = n.as_u64() {
                u.into_bound_py_any(py)
            } else {
                n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)
            }
        }
        Value::String(s) => s.into_bound_py_any(py),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            Ok(list.into_any())
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, json_to_py(py, v)?)?;
            }
            Ok(dict.into_any())
        }
    }
}

/// One of the core's flat records as a dict, with its date columns as `datetime.date`.
pub(crate) fn record_to_py<'py>(
    py: Python<'py>,
    record: &protecteu::Record,
) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    for (k, v) in record {
        let date = match v {
            Value::String(s) if DATE_COLUMNS.contains(&k.as_str()) => {
                NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
            }
            _ => None,
        };
        match date {
            Some(d) => dict.set_item(k, d)?,
            None => dict.set_item(k, json_to_py(py, v)?)?,
        }
    }
    Ok(dict)
}

/// Values that `to_dict()` can hold: plain values as they are, nested objects as dicts.
pub(crate) trait ToDict {
    /// The value for a `to_dict()` result.
    fn dict_value<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>>;
}

macro_rules! plain_to_dict {
    ($($t:ty),*) => {
        $(impl ToDict for $t {
            fn dict_value<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                self.into_bound_py_any(py)
            }
        })*
    };
}

plain_to_dict!(
    String,
    bool,
    u8,
    u32,
    i32,
    usize,
    f64,
    NaiveDate,
    (usize, usize)
);

impl<T: ToDict> ToDict for Option<T> {
    fn dict_value<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Some(v) => v.dict_value(py),
            None => Ok(py.None().into_bound(py)),
        }
    }
}

impl<T: ToDict> ToDict for Vec<T> {
    fn dict_value<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let list = PyList::empty(py);
        for v in self {
            list.append(v.dict_value(py)?)?;
        }
        Ok(list.into_any())
    }
}
