//! `Strategy.coverage()`: how far the data reaches, per section and in total.

use chrono::NaiveDate;
use pyo3::exceptions::PyImportError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::convert::{record_to_py, snake, ToDict};
use crate::entities::{hash_of, json_key, pyclass_of, quoted};

/// Actions per verification level (strongest first), then `uncited`, as a Python dict.
#[derive(Clone)]
pub(crate) struct Levels(protecteu::LevelCounts);

impl<'py> IntoPyObject<'py> for Levels {
    type Target = PyDict;
    type Output = Bound<'py, PyDict>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = PyDict::new(py);
        for (level, n) in &self.0.by_level {
            d.set_item(snake(level), n)?;
        }
        d.set_item("uncited", self.0.uncited)?;
        Ok(d)
    }
}

impl ToDict for Levels {
    fn dict_value<'py>(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.into_pyobject(py)?.into_any())
    }
}

pyclass_of! {
    SectionCoverage(protecteu::SectionCoverage) as "SectionCoverage";
    key = |c| c.section.as_str();
    repr = |c| format!("section={}, key_actions_box={}, actions={}, with_status_events={}", quoted(&c.section), quoted(&snake(&c.key_actions_box)), c.actions, c.with_status_events);
    {
        section: String = |c| c.section.clone(),
        number: String = |c| c.number.clone(),
        number_confirmed: bool = |c| c.number_confirmed,
        title: String = |c| c.title.clone(),
        title_confirmed: bool = |c| c.title_confirmed,
        parent: Option<String> = |c| c.parent.clone(),
        /// `seen_whole`, `seen_in_part` or `not_seen`.
        key_actions_box: String = |c| snake(&c.key_actions_box),
        /// The strongest level at which the box is cited, when it was read.
        key_actions_box_level: Option<String> = |c| c.key_actions_box_level.map(|v| snake(&v)),
        /// Actions in the section and its subsections.
        actions: usize = |c| c.actions,
        /// Those actions by the strongest level their citations reach, then `uncited`.
        best_level: Levels = |c| Levels(c.best_level.clone()),
        with_status_events: usize = |c| c.with_status_events,
        with_evidence_document: usize = |c| c.with_evidence_document,
        status_events: usize = |c| c.status_events,
        newest_event: Option<NaiveDate> = |c| c.newest_event,
    }
}

pyclass_of! {
    CoverageTotals(protecteu::CoverageTotals) as "CoverageTotals";
    key = |t| json_key(t);
    repr = |t| format!("actions={}, with_status_events={}, newest_event={:?}", t.actions, t.with_status_events, t.newest_event.map(|d| d.to_string()));
    {
        as_of: NaiveDate = |t| t.as_of,
        sections: usize = |t| t.sections,
        chapters: usize = |t| t.chapters,
        chapters_box_seen_whole: usize = |t| t.chapters_box_seen_whole,
        chapters_box_seen_in_part: usize = |t| t.chapters_box_seen_in_part,
        chapters_box_not_seen: usize = |t| t.chapters_box_not_seen,
        titles_confirmed: usize = |t| t.titles_confirmed,
        actions: usize = |t| t.actions,
        best_level: Levels = |t| Levels(t.best_level.clone()),
        with_status_events: usize = |t| t.with_status_events,
        with_evidence_document: usize = |t| t.with_evidence_document,
        status_events: usize = |t| t.status_events,
        newest_event: Option<NaiveDate> = |t| t.newest_event,
    }
}

pyclass_of! {
    Coverage(protecteu::Coverage) as "Coverage";
    key = |c| json_key(c);
    repr = |c| format!("sections={}, actions={}", c.sections.len(), c.total.actions);
    {
        /// One row per section and subsection, in document order.
        sections: Vec<SectionCoverage> = |c| c.sections.iter().cloned().map(SectionCoverage::from).collect(),
        /// The same counts for the whole data set.
        total: CoverageTotals = |c| CoverageTotals::from(c.total.clone()),
        /// One line for people.
        summary_line: String = |c| c.summary_line(),
    }
    extra {
        /// Flat rows (one per section, then `total`), the columns of `protecteu coverage --format csv`.
        fn records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
            let list = PyList::empty(py);
            for row in &self.inner.records() {
                list.append(record_to_py(py, row)?)?;
            }
            Ok(list)
        }

        /// `records()` as a `pandas.DataFrame` (needs the optional `pandas` extra).
        fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
            let pandas = py.import("pandas").map_err(|e| {
                PyImportError::new_err(format!(
                    "to_pandas needs pandas: pip install 'protecteu[pandas]' ({e})"
                ))
            })?;
            let rows = self.records(py)?;
            pandas.getattr("DataFrame")?.call1((rows,))
        }
    }
}
