//! The "How safe is the result" sections of the review page: the HIPAA Safe Harbor
//! checklist ([`Coverage`]) and the re-identification risk ([`Risk`]), per run and
//! per file. Rendered as static HTML (readable without the page's script), with
//! every value escaped: file names and quasi-identifier values come from the
//! documents.

use super::escape::esc;
use crate::assess::coverage::Detection;
use crate::assess::{Coverage, Risk, RunRisk};
use std::fmt::Write as _;

/// The assessments of one file of the page.
#[derive(Debug, Clone, Default)]
pub struct FileSafety {
    /// Its Safe Harbor checklist (`--coverage`).
    pub coverage: Option<Coverage>,
    /// Its re-identification risk (`--risk`).
    pub risk: Option<Risk>,
}

/// The assessments of a whole page: one entry per file (same order as the page's
/// files) and the run totals.
#[derive(Debug, Clone, Default)]
pub struct Safety {
    /// Per file, in page order.
    pub files: Vec<FileSafety>,
    /// The checklist summed over the files.
    pub coverage: Option<Coverage>,
    /// The flagged files.
    pub risk: Option<RunRisk>,
}

/// Totals of a checklist: (found, removed, remaining).
fn totals(c: &Coverage) -> (usize, usize, usize) {
    c.classes.iter().fold((0, 0, 0), |(f, r, m), k| {
        (f + k.found, r + k.removed, m + k.remaining)
    })
}

fn detection(d: Detection) -> &'static str {
    match d {
        Detection::Automatic => "automatic",
        Detection::Partial => "partial",
        Detection::None => "none",
    }
}

/// One line saying what the checklist found and which classes need a person.
fn coverage_summary(c: &Coverage) -> String {
    let (found, removed, remaining) = totals(c);
    let review: Vec<String> = c
        .needs_review
        .iter()
        .map(|id| {
            let class = &c.classes[usize::from(*id) - 1];
            format!("{id} {}", esc(class.class))
        })
        .collect();
    format!(
        "Safe Harbor checklist: <b class=\"found\">{found}</b> found, \
         <b class=\"removed\">{removed}</b> removed, <b class=\"remaining\">{remaining}</b> \
         remaining. Needs a person: {}.",
        if review.is_empty() {
            "none".to_string()
        } else {
            review.join("; ")
        }
    )
}

/// The 18-row checklist table.
fn coverage_table(c: &Coverage) -> String {
    let mut out = format!(
        "<table class=\"coverage\">\n<caption>{}</caption>\n<thead><tr><th>#</th><th>Class</th>\
         <th>Detection</th><th>Found</th><th>Removed</th><th>Remaining</th>\
         <th>What a person must check</th></tr></thead>\n<tbody>\n",
        esc(c.standard)
    );
    for k in &c.classes {
        let class = match (k.remaining > 0, k.detection) {
            (true, _) => " class=\"remaining\"",
            (false, Detection::None) => " class=\"undetectable\"",
            _ => "",
        };
        let _ = writeln!(
            out,
            "<tr data-class=\"{id}\"{class}><td>{id}</td><td>{}</td><td>{}</td>\
             <td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            esc(k.class),
            detection(k.detection),
            k.found,
            k.removed,
            k.remaining,
            esc(k.note),
            id = k.id,
        );
    }
    out.push_str("</tbody>\n</table>\n");
    out.push_str(&residue_list(c));
    out
}

/// The plain statement of what the counts are of, and the "look at these" list of
/// capitalised words left in the redacted text that are not in the safe vocabulary.
fn residue_list(c: &Coverage) -> String {
    let mut out = format!(
        "<p class=\"basis\"><b>These counts are of what was detected.</b> An identifier casescrub \
         did not detect is counted nowhere: 0 remaining does not mean none remain.</p>\n\
         <div class=\"residue\"><h4>Look at these: capitalised words left in the redacted text \
         that are not in the safe vocabulary ({})</h4>\n",
        c.residue.len()
    );
    if c.residue.is_empty() {
        out.push_str("<p>none</p>\n");
    } else {
        out.push_str("<ul>");
        for w in &c.residue {
            let _ = write!(
                out,
                "<li><span class=\"word\">{}</span> &times;{}</li>",
                esc(&w.word),
                w.count
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</div>\n");
    out
}

/// `rule: a + b + c`.
fn trigger(rule: &str, combination: &[&str]) -> String {
    format!(
        "<span class=\"trigger\" data-rule=\"{r}\"><b>{r}</b>: {}</span>",
        esc(&combination.join(" + ")),
        r = esc(rule)
    )
}

/// A file's risk: its verdict, the quasi-identifiers left and the rules that fired.
fn risk_block(r: &Risk) -> String {
    let mut out = String::new();
    if r.flagged {
        let _ = write!(
            out,
            "<details class=\"risk flagged\" open>\n<summary>Re-identification risk: \
             <b>FLAGGED</b> by {}</summary>\n",
            r.triggers
                .iter()
                .map(|t| trigger(t.rule, &t.combination))
                .collect::<Vec<_>>()
                .join("; ")
        );
    } else {
        out.push_str(
            "<details class=\"risk\">\n<summary>Re-identification risk: not flagged by \
             the rules</summary>\n",
        );
    }
    if r.quasi_identifiers.is_empty() {
        out.push_str("<p class=\"none\">No quasi-identifier left.</p>\n");
    } else {
        out.push_str(
            "<table class=\"quasi\">\n<thead><tr><th>Quasi-identifier left</th><th>Count</th>\
             <th>Values</th></tr></thead>\n<tbody>\n",
        );
        for q in &r.quasi_identifiers {
            let values: Vec<String> = q.values.iter().map(|v| esc(v)).collect();
            let _ = writeln!(
                out,
                "<tr data-quasi=\"{c}\"><td>{c}</td><td class=\"n\">{}</td><td>{}</td></tr>",
                q.count,
                values.join(", "),
                c = esc(q.class)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</details>\n");
    out
}

/// The run section, placed after the index: the run checklist and the flagged
/// files, each linked to its section (`#file-N`, N its index in `names`).
pub fn run_section(safety: &Safety, names: &[&str]) -> String {
    let mut out = String::from(
        "<section id=\"safety\" aria-labelledby=\"safety-h\">\n\
         <h2 id=\"safety-h\">How safe is the result</h2>\n",
    );
    if let Some(c) = &safety.coverage {
        let _ = write!(
            out,
            "<details class=\"coverage\" open>\n<summary>{}</summary>\n{}</details>\n",
            coverage_summary(c),
            coverage_table(c)
        );
    }
    if let Some(r) = &safety.risk {
        let _ = writeln!(
            out,
            "<p class=\"risk-summary\">Re-identification risk: <b class=\"flagged-count\">{}</b> \
             of {} file(s) flagged. The rules are simple, documented rules of thumb, not a \
             guarantee: a file that is not flagged can still identify someone to a reader \
             who knows the case.</p>",
            r.flagged.len(),
            r.files
        );
        if !r.flagged.is_empty() {
            out.push_str("<ul class=\"flagged\">\n");
            for f in &r.flagged {
                let name = esc(&f.input);
                let link = match names.iter().position(|n| *n == f.input) {
                    Some(i) => format!("<a href=\"#file-{i}\">{name}</a>"),
                    None => name,
                };
                let _ = writeln!(
                    out,
                    "<li>{link}: {}</li>",
                    f.triggers
                        .iter()
                        .map(|t| trigger(t.rule, &t.combination))
                        .collect::<Vec<_>>()
                        .join("; ")
                );
            }
            out.push_str("</ul>\n");
        }
    }
    out.push_str("</section>\n");
    out
}

/// What the index says after a file's findings: Safe Harbor identifiers still in
/// its output, and a risk flag (empty when neither).
pub fn index_note(file: &FileSafety) -> String {
    let mut out = String::new();
    if let Some(c) = &file.coverage {
        let (_, _, remaining) = totals(c);
        if remaining > 0 {
            let _ = write!(
                out,
                ", <span class=\"remaining\">{remaining} Safe Harbor identifier(s) remaining</span>"
            );
        }
    }
    if file.risk.as_ref().is_some_and(|r| r.flagged) {
        out.push_str(", <span class=\"flag\">risk: flagged</span>");
    }
    out
}

/// A file's sections, placed under its legend.
pub fn file_section(file: &FileSafety) -> String {
    if file.coverage.is_none() && file.risk.is_none() {
        return String::new();
    }
    let mut out = String::from("<div class=\"safety\">\n");
    if let Some(c) = &file.coverage {
        let _ = write!(
            out,
            "<details class=\"coverage\">\n<summary>{}</summary>\n{}</details>\n",
            coverage_summary(c),
            coverage_table(c)
        );
    }
    if let Some(r) = &file.risk {
        out.push_str(&risk_block(r));
    }
    out.push_str("</div>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assess::risk::{Left, Trigger};

    #[test]
    fn document_values_are_escaped() {
        let risk = Risk {
            flagged: true,
            quasi_identifiers: vec![Left {
                class: "small-geography",
                count: 1,
                values: vec!["<img src=x onerror=alert(1)>".into()],
            }],
            triggers: vec![Trigger {
                rule: "small-geography",
                combination: vec!["small-geography", "sex"],
            }],
        };
        let html = file_section(&FileSafety {
            coverage: Some(Coverage::empty()),
            risk: Some(risk.clone()),
        });
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
        let run = run_section(
            &Safety {
                files: Vec::new(),
                coverage: None,
                risk: Some(RunRisk::new([("<script>x</script>.txt", &risk)])),
            },
            &["<script>x</script>.txt"],
        );
        assert!(!run.contains("<script>"), "{run}");
        assert!(run.contains("<a href=\"#file-0\">&lt;script&gt;x&lt;/script&gt;.txt</a>"));
    }

    #[test]
    fn index_note_says_what_is_left_and_flagged() {
        let scrubber = crate::Scrubber::with_default_patterns().unwrap();
        let left = "Seen by Dr. Maria Lopez on 6/18/02.";
        let found = scrubber.detect(left);
        let file = FileSafety {
            coverage: Some(Coverage::for_file(
                left,
                &[],
                left,
                &found,
                &Default::default(),
            )),
            risk: Some(Risk::assess(left, &found, &Default::default())),
        };
        assert_eq!(
            index_note(&file),
            ", <span class=\"remaining\">2 Safe Harbor identifier(s) remaining</span>"
        );
        let none = FileSafety {
            coverage: Some(Coverage::for_file("", &[], "", &[], &Default::default())),
            risk: None,
        };
        assert_eq!(index_note(&none), "");
    }

    #[test]
    fn checklist_has_18_rows_and_marks_what_needs_a_person() {
        let none = Coverage::for_file("", &[], "", &[], &Default::default());
        let html = coverage_table(&none);
        assert_eq!(html.matches("<tr data-class=").count(), 18);
        assert!(html.contains("<tr data-class=\"16\" class=\"undetectable\">"));
        assert!(html.contains("<tr data-class=\"17\" class=\"undetectable\">"));
        assert!(coverage_summary(&none).contains(
            "Needs a person: 16 Biometric identifiers; 17 Full-face photographs and comparable images."
        ));
    }
}
