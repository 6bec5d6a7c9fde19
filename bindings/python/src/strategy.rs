//! `Strategy`, `load()` and `Timeline`: the entry points, each a thin call into the core.

use std::ops::Deref;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use pyo3::exceptions::{PyImportError, PyIndexError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyList;

use protecteu::Vocabulary;

use crate::convert::{invalid, json_to_py, record_to_py, DateArg, PeriodArg};
use crate::entities::{
    Action, Actor, Document, EntryData, FactCitation, GroupData, KeyFigure, LegalInstrument,
    Objective, Principle, SearchHit, Section, Source, SourceUsage, Stats, Theme, Threat,
    TimelineEntry, TimelineGroup,
};
use crate::errors::{support, OrRaise};

/// The core model: the embedded one (shared for the life of the process) or a loaded one.
#[derive(Clone)]
pub(crate) enum Model {
    Embedded(&'static protecteu::Strategy),
    Loaded(Arc<protecteu::Strategy>),
}

impl Deref for Model {
    type Target = protecteu::Strategy;

    fn deref(&self) -> &protecteu::Strategy {
        match self {
            Model::Embedded(s) => s,
            Model::Loaded(s) => s,
        }
    }
}

/// One overlay path or several, applied in order.
#[derive(FromPyObject)]
pub(crate) enum OverlayPaths {
    /// One file or directory.
    One(PathBuf),
    /// Several, applied in order.
    Many(Vec<PathBuf>),
}

/// Loads the embedded data set (no argument) or a user's data set: a directory of TOML/JSON
/// data files, or one canonical JSON file. `overlay` (a path or a list of paths) merges a
/// user's own files over it (see `Strategy.with_overlay`). Raises `ValidationError` with every
/// problem found. `expect_fingerprint` pins the data: when the loaded (and overlaid) data's
/// SHA-256 fingerprint differs, raises `FingerprintError` naming both values.
#[pyfunction]
#[pyo3(signature = (path=None, *, overlay=None, expect_fingerprint=None))]
pub(crate) fn load(
    py: Python<'_>,
    path: Option<PathBuf>,
    overlay: Option<OverlayPaths>,
    expect_fingerprint: Option<&str>,
) -> PyResult<Strategy> {
    let model = match path {
        None => Model::Embedded(py.detach(protecteu::try_strategy).or_raise(py)?),
        Some(p) => Model::Loaded(Arc::new(
            py.detach(|| protecteu::Strategy::from_path(&p))
                .or_raise(py)?,
        )),
    };
    let mut strategy = Strategy::new(model, Vec::new());
    let paths = match overlay {
        None => Vec::new(),
        Some(OverlayPaths::One(p)) => vec![p],
        Some(OverlayPaths::Many(ps)) => ps,
    };
    for p in paths {
        strategy = strategy.overlaid(py, protecteu::Overlay::from_path(&p).or_raise(py)?)?;
    }
    if let Some(hex) = expect_fingerprint {
        let model = &strategy.model;
        py.detach(|| model.expect_fingerprint(hex)).or_raise(py)?;
    }
    Ok(strategy)
}

/// Loads a data set from text: the canonical JSON (what `Strategy.to_json()` and
/// `export("json")` write) or JSON Lines (what `export("jsonl")` writes without a kind),
/// validated as a whole. Raises `ValidationError` with every problem found.
#[pyfunction]
#[pyo3(signature = (text, format="json"))]
pub(crate) fn loads(py: Python<'_>, text: &str, format: &str) -> PyResult<Strategy> {
    let format = protecteu::ExportFormat::parse_name(format).or_raise(py)?;
    let parsed = match format {
        protecteu::ExportFormat::Json => py.detach(|| text.parse::<protecteu::Strategy>()),
        protecteu::ExportFormat::Jsonl => py.detach(|| protecteu::Strategy::from_jsonl(text)),
        other => Err(invalid(
            "format",
            &other.name(),
            "json or jsonl (the formats that load back)".into(),
        )),
    };
    Ok(Strategy::new(
        Model::Loaded(Arc::new(parsed.or_raise(py)?)),
        Vec::new(),
    ))
}

/// A query result: a list that renders as an HTML table in Jupyter.
fn result_list<'py, T>(py: Python<'py>, items: Vec<T>) -> PyResult<Bound<'py, PyAny>>
where
    T: IntoPyObject<'py>,
{
    let list = PyList::new(py, items)?;
    support(py, "protecteu._results", "ResultList")?.call1((list,))
}

fn date_arg(py: Python<'_>, value: Option<DateArg>) -> PyResult<Option<NaiveDate>> {
    value.map(DateArg::parse).transpose().or_raise(py)
}

fn owned<T: Clone, P: From<T>>(items: &[T]) -> Vec<P> {
    items.iter().cloned().map(P::from).collect()
}

/// The ProtectEU model: every entity, validated and indexed, with queries.
#[pyclass(frozen, module = "protecteu._native")]
pub(crate) struct Strategy {
    model: Model,
    /// What the overlays that made this model did, in order (empty without overlays).
    overlay_changes: Vec<protecteu::OverlayChange>,
    /// The Python object of each action, by position, made on first use (see `action_object`).
    action_objects: Vec<PyOnceLock<Py<Action>>>,
}

/// Parses an export format and an optional kind with the core's rules.
fn export_args(
    format: &str,
    kind: Option<&str>,
) -> Result<(protecteu::ExportFormat, Option<protecteu::EntityKind>), protecteu::Error> {
    let format = protecteu::ExportFormat::parse_name(format)?;
    let kind = kind.map(str::parse::<protecteu::EntityKind>).transpose()?;
    Ok((format, kind))
}

impl Strategy {
    /// This model with `overlay` merged over it; the changes accumulate.
    fn overlaid(&self, py: Python<'_>, overlay: protecteu::Overlay) -> PyResult<Strategy> {
        let model = &self.model;
        let (merged, changes) = py.detach(|| model.apply_overlay(&overlay)).or_raise(py)?;
        let mut overlay_changes = self.overlay_changes.clone();
        overlay_changes.extend(changes);
        Ok(Strategy::new(
            Model::Loaded(Arc::new(merged)),
            overlay_changes,
        ))
    }

    fn new(model: Model, overlay_changes: Vec<protecteu::OverlayChange>) -> Strategy {
        let action_objects = model
            .action_list()
            .iter()
            .map(|_| PyOnceLock::new())
            .collect();
        Strategy {
            model,
            overlay_changes,
            action_objects,
        }
    }

    /// The Python object of the action at `position`, made on first use and shared after:
    /// entities are immutable, so a query hands out references instead of deep copies.
    fn action_object(&self, py: Python<'_>, position: usize) -> PyResult<Py<Action>> {
        let (Some(cell), Some(action)) = (
            self.action_objects.get(position),
            self.model.action_list().get(position),
        ) else {
            return Err(PyIndexError::new_err(format!(
                "no action at position {position}"
            )));
        };
        cell.get_or_try_init(py, || Py::new(py, Action::from(action.clone())))
            .map(|object| object.clone_ref(py))
    }

    fn action_id(&self, action: &Bound<'_, PyAny>) -> PyResult<String> {
        match action.extract::<PyRef<'_, Action>>() {
            Ok(a) => Ok(a.inner.id.to_string()),
            Err(_) => action.extract::<String>(),
        }
    }
}

#[pymethods]
impl Strategy {
    /// Version of the data set.
    #[getter]
    fn dataset_version(&self) -> String {
        self.model.dataset().version.clone()
    }

    /// The latest date the data set's sources reach; statuses are read on it by default.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.model.dataset().as_of
    }

    /// The overarching objectives.
    #[getter]
    fn objectives<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        result_list(py, owned::<_, Objective>(self.model.objectives()))
    }

    /// The guiding principles.
    #[getter]
    fn principles<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        result_list(py, owned::<_, Principle>(self.model.principles()))
    }

    /// Every section and subsection, in document order.
    #[getter]
    fn sections<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        result_list(py, owned::<_, Section>(self.model.sections()))
    }

    /// The policy areas.
    #[getter]
    fn themes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        result_list(py, owned::<_, Theme>(self.model.themes()))
    }

    /// The threats.
    #[getter]
    fn threats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        result_list(py, owned::<_, Threat>(self.model.threats()))
    }

    /// The actors.
    #[getter]
    fn actors<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        result_list(py, owned::<_, Actor>(self.model.actors()))
    }

    /// The legal instruments.
    #[getter]
    fn instruments<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        result_list(py, owned::<_, LegalInstrument>(self.model.instruments()))
    }

    /// Related and follow-up documents.
    #[getter]
    fn documents<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        result_list(py, owned::<_, Document>(self.model.documents()))
    }

    /// Key figures.
    #[getter]
    fn figures<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        result_list(py, owned::<_, KeyFigure>(self.model.figures()))
    }

    /// The actions matching every filter given, in model order (see the core's `ActionFilter`).
    #[pyo3(signature = (*, section=None, theme=None, threat=None, actor=None, lead=None,
        objective=None, kind=None, status=None, progress=None, as_of=None, due_by=None,
        due_in=None, instrument=None, text=None))]
    #[allow(clippy::too_many_arguments)]
    fn actions<'py>(
        &self,
        py: Python<'py>,
        section: Option<String>,
        theme: Option<String>,
        threat: Option<String>,
        actor: Option<String>,
        lead: Option<String>,
        objective: Option<String>,
        kind: Option<String>,
        status: Option<String>,
        progress: Option<String>,
        as_of: Option<DateArg>,
        due_by: Option<PeriodArg>,
        due_in: Option<PeriodArg>,
        instrument: Option<String>,
        text: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let filter = protecteu::ActionFilter {
            section,
            theme,
            threat,
            actor,
            lead,
            objective,
            kind: kind
                .map(|k| protecteu::ActionKind::parse_name(&k))
                .transpose()
                .or_raise(py)?,
            status: status
                .map(|s| protecteu::Status::parse_name(&s))
                .transpose()
                .or_raise(py)?,
            progress: progress
                .map(|p| protecteu::Progress::parse_name(&p))
                .transpose()
                .or_raise(py)?,
            as_of: date_arg(py, as_of)?,
            due_by: due_by.map(PeriodArg::parse).transpose().or_raise(py)?,
            due_in: due_in.map(PeriodArg::parse).transpose().or_raise(py)?,
            instrument,
            text,
        };
        let model = &self.model;
        let positions = py
            .detach(|| model.filter_action_positions(&filter))
            .or_raise(py)?;
        let found = positions
            .into_iter()
            .map(|i| self.action_object(py, i))
            .collect::<PyResult<Vec<_>>>()?;
        result_list(py, found)
    }

    /// The action with this id; `NotFoundError` (with a "did you mean" hint) otherwise.
    fn action(&self, py: Python<'_>, id: &str) -> PyResult<Py<Action>> {
        let position = self.model.action_position(id).or_raise(py)?;
        self.action_object(py, position)
    }

    /// The actor with this id.
    fn actor(&self, py: Python<'_>, id: &str) -> PyResult<Actor> {
        self.model.actor(id).cloned().map(Actor::from).or_raise(py)
    }

    /// The section with this id.
    fn section(&self, py: Python<'_>, id: &str) -> PyResult<Section> {
        self.model
            .section(id)
            .cloned()
            .map(Section::from)
            .or_raise(py)
    }

    /// The theme with this id.
    fn theme(&self, py: Python<'_>, id: &str) -> PyResult<Theme> {
        self.model.theme(id).cloned().map(Theme::from).or_raise(py)
    }

    /// The threat with this id.
    fn threat(&self, py: Python<'_>, id: &str) -> PyResult<Threat> {
        self.model
            .threat(id)
            .cloned()
            .map(Threat::from)
            .or_raise(py)
    }

    /// The objective with this id.
    fn objective(&self, py: Python<'_>, id: &str) -> PyResult<Objective> {
        self.model
            .objective(id)
            .cloned()
            .map(Objective::from)
            .or_raise(py)
    }

    /// The principle with this id.
    fn principle(&self, py: Python<'_>, id: &str) -> PyResult<Principle> {
        self.model
            .principle(id)
            .cloned()
            .map(Principle::from)
            .or_raise(py)
    }

    /// The legal instrument with this id.
    fn instrument(&self, py: Python<'_>, id: &str) -> PyResult<LegalInstrument> {
        self.model
            .instrument(id)
            .cloned()
            .map(LegalInstrument::from)
            .or_raise(py)
    }

    /// The document with this id.
    fn document(&self, py: Python<'_>, id: &str) -> PyResult<Document> {
        self.model
            .document(id)
            .cloned()
            .map(Document::from)
            .or_raise(py)
    }

    /// The key figure with this id.
    fn figure(&self, py: Python<'_>, id: &str) -> PyResult<KeyFigure> {
        self.model
            .figure(id)
            .cloned()
            .map(KeyFigure::from)
            .or_raise(py)
    }

    /// The registry source with this id.
    fn source(&self, py: Python<'_>, id: &str) -> PyResult<Source> {
        self.model
            .source(id)
            .cloned()
            .map(Source::from)
            .or_raise(py)
    }

    /// Every registry source with how facts cite it (`SourceUsage`: the source, the levels
    /// its citations claim, strongest first, and the number of facts), in registry order;
    /// `kind` (`"figures"`, `"action"`, ...) keeps the sources cited by that kind's entities.
    #[pyo3(signature = (kind=None))]
    fn sources<'py>(&self, py: Python<'py>, kind: Option<&str>) -> PyResult<Bound<'py, PyAny>> {
        let kind = kind
            .map(str::parse::<protecteu::EntityKind>)
            .transpose()
            .or_raise(py)?;
        let rows = self.model.source_usage(kind);
        result_list(py, owned::<_, SourceUsage>(&rows))
    }

    /// The citations of an entity field by field (`FactCitation`: the field it supports,
    /// `status[i]` for a status event, `*` for a citation naming no field; the source id;
    /// the locator; the level). `citations("lawful-access-roadmap")` finds the entity by id
    /// alone; `citations("actor", "europol")` names the kind when an id is ambiguous.
    #[pyo3(signature = (id_or_kind, id=None))]
    fn citations<'py>(
        &self,
        py: Python<'py>,
        id_or_kind: &str,
        id: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (kind, id) = match id {
            Some(id) => (
                id_or_kind.parse::<protecteu::EntityKind>().or_raise(py)?,
                id,
            ),
            None => {
                let id = id_or_kind;
                let kinds: Vec<protecteu::EntityKind> = self
                    .model
                    .kinds_of(id)
                    .into_iter()
                    .filter(|k| *k != protecteu::EntityKind::Source)
                    .collect();
                match kinds.as_slice() {
                    [kind] => (*kind, id),
                    [] => {
                        let suggestion = self.model.suggest_any(id);
                        let hint = suggestion
                            .as_deref()
                            .map(|s| format!("; did you mean '{s}'?"))
                            .unwrap_or_default();
                        let err = support(py, "protecteu._errors", "NotFoundError")?.call1((
                            format!("no entity has the id '{id}'{hint}"),
                            "entity",
                            id,
                            suggestion,
                        ))?;
                        return Err(PyErr::from_value(err));
                    }
                    many => {
                        let names: Vec<&str> = many.iter().map(|k| k.name()).collect();
                        return Err(invalid(
                            "id",
                            id,
                            format!(
                                "an id of one kind; '{id}' is a {}: name the kind, citations(kind, id)",
                                names.join(" and a ")
                            ),
                        ))
                        .or_raise(py);
                    }
                }
            }
        };
        let found = self.model.citations_of(kind, id).or_raise(py)?;
        result_list(py, owned::<_, FactCitation>(&found))
    }

    /// The SHA-256 of the canonical JSON, lower-case hex: one value names one exact data set
    /// (an overlay changes it). Pin it with `load(expect_fingerprint=...)`.
    #[getter]
    fn fingerprint(&self, py: Python<'_>) -> String {
        let model = &self.model;
        py.detach(|| model.fingerprint().to_owned())
    }

    /// Counts of cited facts per verification level and per publisher class, and how many
    /// actions cite a source for their lead and their stated timing, as a dict.
    fn provenance_stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let value = serde_json::to_value(self.model.provenance_stats())
            .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))?;
        json_to_py(py, &value)
    }

    /// Ranked full-text search across every kind, best first, at most `limit` hits.
    #[pyo3(signature = (text, limit=20))]
    fn search<'py>(
        &self,
        py: Python<'py>,
        text: &str,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let model = &self.model;
        let hits = py.detach(|| model.search(text, limit));
        result_list(
            py,
            hits.into_iter().map(SearchHit::from).collect::<Vec<_>>(),
        )
    }

    /// Actions grouped by due period, with where each stands on `as_of` (default: the data
    /// set's as-of date).
    #[pyo3(signature = (as_of=None))]
    fn timeline(&self, py: Python<'_>, as_of: Option<DateArg>) -> PyResult<Timeline> {
        let as_of = date_arg(py, as_of)?;
        let t = self.model.timeline(as_of);
        Ok(Timeline {
            model: self.model.clone(),
            as_of: t.as_of,
            groups: t.groups.iter().map(GroupData::from).collect(),
        })
    }

    /// Counts of actions by section, actor, kind and status.
    fn stats(&self) -> Stats {
        Stats::from(self.model.stats())
    }

    /// How far the data reaches, per section and in total: whether each chapter's key-actions
    /// box was read, actions by the best level their sources reach, actions with dated status
    /// events, the newest event.
    fn coverage(&self) -> crate::coverage::Coverage {
        crate::coverage::Coverage::from(self.model.coverage())
    }

    /// An action's status on a date (default: the data set's as-of date). `action` is an
    /// `Action` or an action id.
    #[pyo3(signature = (action, as_of=None))]
    fn status_of(
        &self,
        py: Python<'_>,
        action: &Bound<'_, PyAny>,
        as_of: Option<DateArg>,
    ) -> PyResult<String> {
        let id = self.action_id(action)?;
        let on = date_arg(py, as_of)?.unwrap_or(self.model.dataset().as_of);
        let a = self.model.action(&id).or_raise(py)?;
        Ok(crate::convert::snake(&self.model.status_of(a, on)))
    }

    /// Where an action stands on a date (default: the data set's as-of date): `delivered`,
    /// `due`, `overdue`, `open` or `withdrawn`.
    #[pyo3(signature = (action, as_of=None))]
    fn progress_of(
        &self,
        py: Python<'_>,
        action: &Bound<'_, PyAny>,
        as_of: Option<DateArg>,
    ) -> PyResult<String> {
        let id = self.action_id(action)?;
        let on = date_arg(py, as_of)?;
        let a = self.model.action(&id).or_raise(py)?;
        Ok(crate::convert::snake(&self.model.progress_of(a, on)))
    }

    /// Flat records of every entity of a kind (`"actions"` or `"action"`, ...), ready for
    /// `pandas.DataFrame(...)`; date columns hold `datetime.date`.
    fn records<'py>(&self, py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyList>> {
        let k = kind.parse::<protecteu::EntityKind>().or_raise(py)?;
        let rows = self.model.records(k);
        let list = PyList::empty(py);
        for row in &rows {
            list.append(record_to_py(py, row)?)?;
        }
        Ok(list)
    }

    /// `records(kind)` as a `pandas.DataFrame` (needs the optional `pandas` extra).
    fn to_pandas<'py>(&self, py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
        let pandas = py.import("pandas").map_err(|e| {
            PyImportError::new_err(format!(
                "to_pandas needs pandas: pip install 'protecteu[pandas]' ({e})"
            ))
        })?;
        let rows = self.records(py, kind)?;
        pandas.getattr("DataFrame")?.call1((rows,))
    }

    /// The canonical JSON of the whole model (loads back unchanged with `load(path)`).
    fn to_json(&self, py: Python<'_>) -> String {
        let model = &self.model;
        py.detach(|| model.to_canonical_json())
    }

    /// The model in `format` (`json`, `jsonl`, `csv`, `markdown`, `dot`, `mermaid`, `jsonld`,
    /// `turtle`) as one text. `kind` limits `jsonl` to one kind and picks the table of a `csv`
    /// export, which needs one; the other formats always cover the whole model.
    #[pyo3(signature = (format, kind=None))]
    fn export(&self, py: Python<'_>, format: &str, kind: Option<&str>) -> PyResult<String> {
        let (format, kind) = export_args(format, kind).or_raise(py)?;
        let model = &self.model;
        py.detach(|| model.export(format, kind)).or_raise(py)
    }

    /// The model in `format` as `{file name: text}`, the files a folder export writes: every
    /// table (entities, link tables, status events, sources) for `csv` without a kind, one
    /// file otherwise.
    #[pyo3(signature = (format, kind=None))]
    fn export_files<'py>(
        &self,
        py: Python<'py>,
        format: &str,
        kind: Option<&str>,
    ) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        let (format, kind) = export_args(format, kind).or_raise(py)?;
        let model = &self.model;
        let files = py
            .detach(|| model.export_files(format, kind))
            .or_raise(py)?;
        let dict = pyo3::types::PyDict::new(py);
        for f in files {
            dict.set_item(f.name, f.text)?;
        }
        Ok(dict)
    }

    /// The progress report: one self-contained HTML page (objectives, chapter progress bars,
    /// timeline, a card per action with evidence and sources, filters kept in the URL
    /// fragment). Statuses are read on `as_of` (default: the data set's as-of date); the same
    /// data and date give the same bytes as `protecteu report` and the other bindings.
    #[pyo3(signature = (as_of=None))]
    fn report_html(&self, py: Python<'_>, as_of: Option<DateArg>) -> PyResult<String> {
        let as_of = date_arg(py, as_of)?;
        let model = &self.model;
        Ok(py.detach(|| model.report_html(as_of)))
    }

    /// The whole model as a SQLite database: the bytes of its file (see `export_sqlite`).
    fn to_sqlite<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        let model = &self.model;
        let bytes = py.detach(|| model.to_sqlite()).or_raise(py)?;
        Ok(pyo3::types::PyBytes::new(py, &bytes))
    }

    /// Writes the model as a SQLite database to `path`: the CSV tables typed, with keys and
    /// foreign keys, `metadata`, `action_progress`, the views `current_status`,
    /// `actions_per_actor` and `overdue`, and the FTS5 table `search`. With
    /// `datasette_metadata`, also writes Datasette's metadata JSON there. Raises `WriteError`
    /// (an `OSError`) when a file cannot be written.
    #[pyo3(signature = (path, datasette_metadata=None))]
    fn export_sqlite(
        &self,
        py: Python<'_>,
        path: PathBuf,
        datasette_metadata: Option<PathBuf>,
    ) -> PyResult<()> {
        let model = &self.model;
        py.detach(|| model.export_sqlite(&path)).or_raise(py)?;
        if let Some(m) = datasette_metadata {
            let name = path
                .file_stem()
                .map_or_else(|| "protecteu".into(), |n| n.to_string_lossy().into_owned());
            let text = model.datasette_metadata(&name);
            std::fs::write(&m, text)
                .map_err(|e| protecteu::Error::Write {
                    path: m.display().to_string(),
                    details: e.to_string(),
                })
                .or_raise(py)?;
        }
        Ok(())
    }

    /// Datasette's metadata JSON for the SQLite export, the database named `database` (the
    /// file name without its extension).
    #[pyo3(signature = (database="protecteu"))]
    fn datasette_metadata(&self, database: &str) -> String {
        self.model.datasette_metadata(database)
    }

    /// Writes `report_html(as_of)` to `path` (UTF-8); raises `OSError` when it cannot.
    #[pyo3(signature = (path, as_of=None))]
    fn write_report(&self, py: Python<'_>, path: PathBuf, as_of: Option<DateArg>) -> PyResult<()> {
        let as_of = date_arg(py, as_of)?;
        let model = &self.model;
        py.detach(|| std::fs::write(&path, model.report_html(as_of)))?;
        Ok(())
    }

    /// A new model: this one with a user's overlay (a data file or a directory of them) merged
    /// over it. New ids are added; an entry re-using an id must say `amends = true`; the merged
    /// set is validated as a whole (`ValidationError` with every problem).
    fn with_overlay(&self, py: Python<'_>, path: PathBuf) -> PyResult<Strategy> {
        let overlay = py
            .detach(|| protecteu::Overlay::from_path(&path))
            .or_raise(py)?;
        self.overlaid(py, overlay)
    }

    /// Like `with_overlay`, from the text of one data file; `name` is the file name used in
    /// problems and picks the format by its extension (`.toml` or `.json`).
    #[pyo3(signature = (text, name="overlay.toml"))]
    fn with_overlay_text(&self, py: Python<'_>, text: &str, name: &str) -> PyResult<Strategy> {
        self.overlaid(py, protecteu::Overlay::from_text(text, name))
    }

    /// What the overlays that made this model did, in order: one dict per entity, with
    /// `change` (`added` or `amended`), `kind`, `id`, `file` and, for amendments, `replaced`,
    /// `status_events_added` and `sources_added`. Empty for a model without overlays.
    #[getter]
    fn overlay_changes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let list = PyList::empty(py);
        for c in &self.overlay_changes {
            let value = serde_json::to_value(c).unwrap_or_default();
            list.append(json_to_py(py, &value)?)?;
        }
        Ok(list)
    }

    /// What changed from this model to `newer`: entities added, removed and changed per kind,
    /// with field-level changes, following renamed ids (`previous_ids`).
    fn diff(&self, py: Python<'_>, newer: PyRef<'_, Strategy>) -> Diff {
        let (old, new) = (&self.model, &newer.model);
        Diff {
            inner: py.detach(|| old.diff(new)),
        }
    }

    fn __repr__(&self) -> String {
        let d = self.model.dataset();
        format!(
            "Strategy(id='{}', dataset_version='{}', as_of='{}', actions={})",
            self.model.info().id,
            d.version,
            d.as_of,
            self.model.action_list().len()
        )
    }
}

/// Actions grouped by due period on a date.
#[pyclass(frozen, module = "protecteu._native")]
pub(crate) struct Timeline {
    model: Model,
    as_of: NaiveDate,
    groups: Vec<GroupData>,
}

#[pymethods]
impl Timeline {
    /// The date statuses are read on.
    #[getter]
    fn as_of(&self) -> NaiveDate {
        self.as_of
    }

    /// Dated groups by period start, then `ongoing`, then `not stated`.
    #[getter]
    fn groups<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        result_list(
            py,
            self.groups
                .iter()
                .cloned()
                .map(TimelineGroup::from)
                .collect::<Vec<_>>(),
        )
    }

    /// Every entry with a progress (`delivered`, `due`, `overdue`, `open`, `withdrawn`), in
    /// timeline order.
    fn with_progress<'py>(&self, py: Python<'py>, progress: &str) -> PyResult<Bound<'py, PyAny>> {
        let p = protecteu::Progress::parse_name(progress).or_raise(py)?;
        let t = self.model.timeline(Some(self.as_of));
        let entries: Vec<TimelineEntry> = t
            .with_progress(p)
            .map(|e| TimelineEntry::from(EntryData::from(e)))
            .collect();
        result_list(py, entries)
    }

    /// `as_of` and the groups, as plain dicts and lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, pyo3::types::PyDict>> {
        use crate::convert::ToDict;
        let d = pyo3::types::PyDict::new(py);
        d.set_item("as_of", self.as_of)?;
        let groups: Vec<TimelineGroup> = self
            .groups
            .iter()
            .cloned()
            .map(TimelineGroup::from)
            .collect();
        d.set_item("groups", groups.dict_value(py)?)?;
        Ok(d)
    }

    fn __repr__(&self) -> String {
        format!(
            "Timeline(as_of='{}', groups={})",
            self.as_of,
            self.groups.len()
        )
    }
}

/// The differences between two data sets (from `Strategy.diff`).
#[pyclass(frozen, module = "protecteu._native")]
pub(crate) struct Diff {
    inner: protecteu::Diff,
}

#[pymethods]
impl Diff {
    /// Version of the old data set.
    #[getter]
    fn old_version(&self) -> String {
        self.inner.old_version.clone()
    }

    /// Version of the new data set.
    #[getter]
    fn new_version(&self) -> String {
        self.inner.new_version.clone()
    }

    /// True when the two data sets hold the same entities with the same fields.
    #[getter]
    fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// Changed fields of the `dataset` table: dicts with `field`, `old`, `new`.
    #[getter]
    fn dataset<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(
            py,
            &serde_json::to_value(&self.inner.dataset).unwrap_or_default(),
        )
    }

    /// The kinds with differences, in canonical order: dicts with `kind`, `added` and
    /// `removed` (lists of `{id, title}`) and `changed` (lists of `{id, renamed_from?,
    /// fields: [{field, old, new}]}`; `old`/`new` are the values as plain Python data).
    #[getter]
    fn kinds<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(
            py,
            &serde_json::to_value(&self.inner.kinds).unwrap_or_default(),
        )
    }

    /// The diff as lines for people: `+` added, `-` removed, `~` changed with its fields.
    fn to_text(&self) -> String {
        self.inner.to_text()
    }

    /// The diff as one JSON document (what `protecteu diff --format json` prints).
    fn to_json(&self) -> String {
        self.inner.to_json()
    }

    /// The whole diff as plain dicts and lists (the JSON document, parsed).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        json_to_py(py, &serde_json::to_value(&self.inner).unwrap_or_default())
    }

    fn __bool__(&self) -> bool {
        !self.inner.is_empty()
    }

    fn __str__(&self) -> String {
        self.inner.to_text()
    }

    fn __repr__(&self) -> String {
        let count = |f: fn(&protecteu::KindDiff) -> usize| -> usize {
            self.inner.kinds.iter().map(f).sum()
        };
        format!(
            "Diff(old_version='{}', new_version='{}', added={}, removed={}, changed={})",
            self.inner.old_version,
            self.inner.new_version,
            count(|k| k.added.len()),
            count(|k| k.removed.len()),
            count(|k| k.changed.len())
        )
    }
}
