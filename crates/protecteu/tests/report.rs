//! The report page: content from the model, escaping, determinism, no outside requests.
//! (The page's behaviour in a browser is tested by scripts/test-report.)
#![cfg(feature = "report")]

use protecteu::{ActionFilter, Status, Strategy};

/// The values of one attribute on every element that has it, in document order.
fn attr_values<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!(" {name}=\"");
    html.match_indices(&key)
        .filter_map(|(i, _)| {
            let rest = &html[i + key.len()..];
            rest.find('"').map(|end| &rest[..end])
        })
        .collect()
}

/// The cards as (id, attribute name -> value) pairs.
fn cards(html: &str) -> Vec<(String, String)> {
    html.split("<article ")
        .skip(1)
        .map(|c| {
            let head = &c[..c.find('>').unwrap_or(c.len())];
            let id = attr_values(&format!(" {head}"), "data-action-id")[0].to_owned();
            (id, format!(" {head}"))
        })
        .collect()
}

#[test]
fn one_card_per_action_in_model_order() {
    let s = protecteu::strategy();
    let html = s.report_html(None);
    let ids: Vec<String> = cards(&html).into_iter().map(|c| c.0).collect();
    let model: Vec<String> = s.action_list().iter().map(|a| a.id.to_string()).collect();
    assert_eq!(ids, model);
}

#[test]
fn same_data_and_date_give_the_same_bytes_and_another_date_changes_statuses() {
    let s = protecteu::strategy();
    let a = s.report_html(Some("2026-01-15".parse().unwrap()));
    let again: Strategy = protecteu::EMBEDDED_JSON.parse().unwrap();
    assert_eq!(a, again.report_html(Some("2026-01-15".parse().unwrap())));
    let early = s.report_html(Some("2025-04-02".parse().unwrap()));
    assert_ne!(a, early);
    // On the day after adoption nothing is delivered yet: every card is announced.
    for (_, head) in cards(&early) {
        assert_eq!(attr_values(&head, "data-status"), ["announced"], "{head}");
    }
    assert!(early.contains("Statuses as of <strong><time datetime=\"2025-04-02\">"));
}

#[test]
fn card_statuses_are_the_model_statuses() {
    let s = protecteu::strategy();
    let html = s.report_html(None);
    for (id, head) in cards(&html) {
        let a = s.action(&id).unwrap();
        let status = serde_json::to_value(s.current_status(a)).unwrap();
        assert_eq!(
            attr_values(&head, "data-status"),
            [status.as_str().unwrap()]
        );
        let progress = serde_json::to_value(s.progress_of(a, None)).unwrap();
        assert_eq!(
            attr_values(&head, "data-progress"),
            [progress.as_str().unwrap()]
        );
    }
}

#[test]
fn chapter_counts_are_the_model_counts() {
    let s = protecteu::strategy();
    let html = s.report_html(None);
    let stats = s.stats();
    let mut seen = 0;
    for sec in s.sections().iter().filter(|x| x.parent.is_none()) {
        let n = stats
            .by_section
            .iter()
            .find(|c| c.key == sec.id.as_str())
            .unwrap()
            .count;
        let block = html
            .split(&format!(
                "<div class=\"chapter\" data-chapter=\"{}\">",
                sec.id
            ))
            .nth(1)
            .unwrap();
        let label = attr_values(block, "aria-label")[0];
        assert!(label.starts_with(&format!("{n} actions")), "{label}");
        // Every status's count in the bar's label is the filter's answer.
        for status in Status::ALL {
            let f = ActionFilter {
                section: Some(sec.id.to_string()),
                status: Some(status),
                ..Default::default()
            };
            let k = s.filter_actions(&f).unwrap().len();
            let words = serde_json::to_value(status)
                .unwrap()
                .as_str()
                .unwrap()
                .replace('_', " ");
            assert_eq!(
                label.contains(&format!("{k} {words}")),
                k > 0,
                "{} {words}: {label}",
                sec.id
            );
        }
        seen += n;
    }
    assert_eq!(seen, s.action_list().len());
}

#[test]
fn card_filter_data_match_the_library_queries() {
    let s = protecteu::strategy();
    let html = s.report_html(None);
    let cards = cards(&html);
    let has =
        |head: &str, attr: &str, id: &str| attr_values(head, attr)[0].split(' ').any(|x| x == id);
    for actor in ["europol", "eurojust", "commission", "frontex", "enisa"] {
        let expected: Vec<String> = s
            .actions()
            .by_actor(actor)
            .run()
            .unwrap()
            .iter()
            .map(|a| a.id.to_string())
            .collect();
        let got: Vec<String> = cards
            .iter()
            .filter(|c| has(&c.1, "data-actors", actor))
            .map(|c| c.0.clone())
            .collect();
        assert_eq!(got, expected, "{actor}");
    }
    for sec in s.sections() {
        let expected = s.actions().section(sec.id.as_str()).run().unwrap().len();
        let got = cards
            .iter()
            .filter(|c| has(&c.1, "data-sections", sec.id.as_str()))
            .count();
        assert_eq!(got, expected, "{}", sec.id);
    }
    // The text box: every word of the query starts one of the card's terms, as in search.
    for q in [
        "encryption",
        "europol mandate",
        "road",
        "Sécurité",
        "drug traff",
        "cyber",
        "zzzz",
        "2026",
    ] {
        let words: Vec<String> = q
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(protecteu::fold)
            .collect();
        let got: Vec<String> = cards
            .iter()
            .filter(|c| {
                let terms: Vec<&str> = attr_values(&c.1, "data-terms")[0].split(' ').collect();
                words
                    .iter()
                    .all(|w| terms.iter().any(|t| t.starts_with(w.as_str())))
            })
            .map(|c| c.0.clone())
            .collect();
        let expected: Vec<String> = s
            .actions()
            .text(q)
            .run()
            .unwrap()
            .iter()
            .map(|a| a.id.to_string())
            .collect();
        assert_eq!(got, expected, "{q}");
    }
}

#[test]
fn every_data_string_is_escaped() {
    let mut v: serde_json::Value = serde_json::from_str(protecteu::EMBEDDED_JSON).unwrap();
    v["strategy"]["title"] = "<script>alert('title')</script>".into();
    v["actions"][0]["title"] = "Tom & \"Jerry\" <b>bold</b>".into();
    v["actions"][0]["summary"] = "</article><script>alert(1)</script>".into();
    // (validation refuses addresses other than http(s), so a javascript: link cannot load)
    let first_source = v["actions"][0]["citations"][0]["source"].clone();
    for src in v["sources"].as_array_mut().unwrap() {
        if src["id"] == first_source {
            src["url"] = "https://example.org/\"><script>alert(2)</script>".into();
        }
    }
    v["actors"][0]["name"] = "<img src=x onerror=alert(1)>".into();
    let s: Strategy = v.to_string().parse().unwrap();
    let html = s.report_html(None);
    assert!(!html.contains("<script>alert"));
    assert!(!html.contains("<img src=x"));
    assert!(!html.contains("<b>bold</b>"));
    assert!(html.contains("href=\"https://example.org/&#34;&#62;&#60;script&#62;"));
    assert!(html.contains("<title>&#60;script&#62;alert(&#39;title&#39;)&#60;/script&#62;"));
    assert!(html.contains("Tom &#38; &#34;Jerry&#34; &#60;b&#62;bold&#60;/b&#62;"));
    // The page's own script is the only one, and the cards are still one per action.
    assert_eq!(html.matches("<script>").count(), 1);
    assert_eq!(html.matches("<article ").count(), s.action_list().len());
}

#[test]
fn the_page_is_self_contained_and_small() {
    let s = protecteu::strategy();
    let html = s.report_html(None);
    assert!(html.len() < 400 * 1024, "{} bytes", html.len());
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    // Nothing is loaded from elsewhere: no external scripts, styles, images or frames.
    for needle in [" src=", "<link", "@import", "url(http", "<iframe", "<img"] {
        assert!(!html.contains(needle), "{needle}");
    }
    // Links to sources stay links.
    assert!(html.contains("<a href=\"https://"));
    assert!(html.contains(&format!(
        "Data set {}, sources up to {}",
        s.dataset().version,
        s.dataset().as_of
    )));
}
