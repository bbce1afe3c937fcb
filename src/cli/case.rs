//! Case flags (`--case`, `--placeholders`, `--anchor`) and `casescrub case init`.

use anyhow::{bail, Result};
use casescrub::case::{Case, Roster};
use casescrub::kind::Kind;
use casescrub::policy::relative::Anchor;
use casescrub::policy::{Action, CompiledPolicy, Rewrite};
use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Case-aware redaction.
#[derive(Debug, Args)]
#[command(next_help_heading = "Case")]
pub struct CaseArgs {
    /// Case roster (TOML): parties with roles, numbers, addresses and dates of the
    /// case, always redacted in every variant (see `casescrub case init`).
    #[arg(long = "case", value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// `numbered` ([PERSON-1]) or `roles` ([APPLICANT], [TREATING-PHYSICIAN-1],
    /// [DATE-OF-INJURY], from the roster or the words before a name).
    #[arg(long, value_enum, default_value_t = Placeholders::Numbered)]
    pub placeholders: Placeholders,
    /// Write every date as its distance from this date: a roster date role
    /// (`date-of-injury` → [DOI+1522d]) or a date (`2002-06-18` → [D0+1522d]).
    /// Dates use the `relative` action unless the policy already does.
    #[arg(long, value_name = "ROLE|DATE")]
    pub anchor: Option<String>,
}

/// What `redact --report` and the `review` page add beyond the findings.
#[derive(Debug, Args)]
#[command(
    next_help_heading = "Assessment (added to the --report of redact, or to the review page)"
)]
pub struct AssessArgs {
    /// Add the HIPAA Safe Harbor checklist (18 classes: found, removed, remaining, all
    /// counted from what the detector found) and the residue list: capitalised words
    /// left in the output that are not in the safe vocabulary, for a person to check.
    #[arg(long)]
    pub coverage: bool,
    /// Add re-identification risk: quasi-identifiers left in each file and the files
    /// whose combination is rare enough to single a person out.
    #[arg(long)]
    pub risk: bool,
    /// Rare diagnoses (one a line) for --risk: left in a document with age, sex or
    /// place, they flag it. Implies --risk.
    #[arg(long, value_name = "FILE")]
    pub rare: Option<PathBuf>,
}

/// Placeholder style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Placeholders {
    /// `[KIND-n]` (the `--placeholder` template).
    Numbered,
    /// What the entity is to the case: `[APPLICANT]`, falling back to `[PERSON-n]`.
    Roles,
}

impl CaseArgs {
    /// The engine that redacts: the case engine when a case flag asks for it, else
    /// the plain policy engine (no vault: single-file callers record it themselves).
    pub fn engine<'a>(
        &self,
        scrubber: &'a casescrub::Scrubber,
        policy: &'a CompiledPolicy,
        secrets: &'a casescrub::policy::Secrets,
        case: &'a Case,
    ) -> Box<dyn casescrub::bulk::Engine + 'a> {
        if self.wanted() {
            let roles = self.placeholders == Placeholders::Roles;
            Box::new(casescrub::case::CaseEngine::new(
                scrubber, policy, secrets, case, roles,
            ))
        } else {
            Box::new(casescrub::bulk::PolicyEngine::new(
                scrubber, policy, secrets, None,
            ))
        }
    }

    /// Whether any case flag asks for the case engine.
    pub fn wanted(&self) -> bool {
        self.roster.is_some() || self.placeholders == Placeholders::Roles
    }

    /// The compiled roster (empty without `--case`).
    pub fn case(&self) -> Result<Case> {
        let roster = match &self.roster {
            Some(path) => Roster::from_file(path)?,
            None => Roster::default(),
        };
        Ok(Case::new(&roster)?)
    }

    /// The anchor named by `--anchor`; dates of `policy` become `relative` when it
    /// does not use that action yet.
    pub fn anchor(&self, case: &Case, policy: &mut CompiledPolicy) -> Result<Option<Anchor>> {
        let Some(wanted) = &self.anchor else {
            if policy.uses(Action::Relative) {
                bail!(
                    "policy `{}` uses `relative`, which needs --anchor ROLE|DATE \
                     (a date role of the --case roster, or a date such as 2002-06-18)",
                    policy.name()
                );
            }
            return Ok(None);
        };
        let from_roster = case
            .entities()
            .iter()
            .find(|e| e.kind == Kind::Date && e.role == *wanted);
        let anchor = match from_roster {
            Some(e) => Anchor::parse(&Anchor::label_for_role(&e.role), &e.canonical),
            None => Anchor::parse("D0", wanted),
        };
        let Some(anchor) = anchor else {
            let roles: Vec<&str> = case
                .entities()
                .iter()
                .filter(|e| e.kind == Kind::Date)
                .map(|e| e.role.as_str())
                .collect();
            bail!(
                "--anchor {wanted}: neither a date role of the roster ({}) nor a full date \
                 such as 2002-06-18",
                if roles.is_empty() {
                    "none listed".to_string()
                } else {
                    roles.join(", ")
                }
            );
        };
        if !policy.uses(Action::Relative) {
            policy.set_kind_rewrite(Kind::Date, Rewrite::new(Action::Relative));
        }
        Ok(Some(anchor))
    }
}

impl AssessArgs {
    /// The assessments asked for; they need a --report to go into.
    pub fn assess(
        &self,
        report: Option<&std::path::Path>,
    ) -> Result<Option<casescrub::assess::Assess>> {
        let assess = self.assessments()?;
        if assess.is_some() && report.is_none() {
            bail!("--coverage, --risk and --rare add sections to the report: give --report FILE");
        }
        Ok(assess)
    }

    /// The assessments asked for (`--coverage`, `--risk`, `--rare`), wherever they go.
    pub fn assessments(&self) -> Result<Option<casescrub::assess::Assess>> {
        let risk = self.risk || self.rare.is_some();
        if !self.coverage && !risk {
            return Ok(None);
        }
        let rare = match &self.rare {
            Some(path) => casescrub::assess::RareList::parse(&casescrub::io::read_text(path)?),
            None => Default::default(),
        };
        Ok(Some(casescrub::assess::Assess {
            coverage: self.coverage,
            risk,
            rare,
        }))
    }
}

/// `casescrub case ...`
#[derive(Debug, Subcommand)]
pub enum CaseCommand {
    /// Propose a roster from the documents of one case, for a person to confirm.
    Init(InitArgs),
}

/// `casescrub case init FOLDER`
#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder (or file) holding the documents of one case.
    pub input: PathBuf,
    /// Where to write the proposed roster (mode 0600; default: stdout). Never overwritten.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// How many of the most frequent names without a role to propose.
    #[arg(long, default_value_t = 10, value_name = "N")]
    pub names: usize,
    #[command(flatten)]
    pub library: super::args::LibraryArgs,
}

/// Runs `casescrub case init`; returns the text for stdout (empty when written to a file).
pub fn init(args: InitArgs) -> Result<String> {
    use anyhow::Context as _;
    let scrubber = casescrub::Scrubber::new(&super::commands::load_library(&args.library)?)?;
    let files = if args.input.is_dir() {
        casescrub::bulk::walk::collect(&args.input, &[])?
            .into_iter()
            .map(|f| args.input.join(&f.rel))
            .collect()
    } else {
        vec![args.input.clone()]
    };
    let mut docs = Vec::new();
    for path in files {
        match casescrub::io::read_text(&path) {
            Ok(text) => docs.push((path.display().to_string(), text)),
            Err(e) => eprintln!("casescrub: skipped: {e}"),
        }
    }
    if docs.is_empty() {
        bail!("{}: no readable text files", args.input.display());
    }
    let roster = casescrub::case::init::propose(&scrubber, &docs);
    match &args.output {
        Some(path) => {
            if path.exists() {
                bail!(
                    "{}: already exists; casescrub case init never overwrites a roster",
                    path.display()
                );
            }
            casescrub::io::write_atomic(path, roster.as_bytes(), true)
                .with_context(|| "writing the proposed roster".to_string())?;
            eprintln!(
                "casescrub: proposed a roster from {} document(s) in {} (mode 0600); check it before use",
                docs.len(),
                path.display()
            );
            Ok(String::new())
        }
        None => Ok(roster),
    }
}
