//! Applies a policy to one finding: picks the rewrite for its kind and rule and
//! produces the replacement text. An action that cannot apply to a value (a date
//! without a year under `year-only`, an SSN-like value with four digits under
//! `last4`, a pseudonym without a key) falls back to a placeholder, never to the
//! original text.

use super::actions;
use super::compiled::CompiledPolicy;
use super::dates::{shift_date, year_only};
use super::key::Key;
use super::model::Action;
use super::pseudonym::{pseudonym, pseudonym_for_value, DEFAULT_LENGTH};
use super::surrogate::surrogate;
use crate::kind::Kind;
use crate::neutral::{neutral_form, next_word};
use crate::placeholder::Numbering;
use crate::redact::{Replacement, Replacer};
use crate::resolve::Finding;

/// The secrets a run uses. Without a key, `pseudonym` and `surrogate` fall back to
/// placeholders; without an offset, `shift` does.
#[derive(Debug, Clone, Default)]
pub struct Secrets {
    /// The `--key-file` key, for pseudonyms (and surrogates, when given).
    pub key: Option<Key>,
    /// The key surrogates are drawn with (the key file's, a vault's, or a random one).
    pub surrogate_key: Option<Key>,
    /// Days every date is moved by.
    pub shift_days: Option<i64>,
    /// The date `relative` measures every date from (`--anchor`).
    pub anchor: Option<super::relative::Anchor>,
}

/// A date offset from a key: the same key gives the same offset on every run;
/// never zero, at most `max_days` either way.
pub fn shift_from_key(key: &Key, max_days: u32) -> i64 {
    let mac = key.mac("casescrub/date-shift/v1", &[]);
    offset_from_bytes(&mac, max_days)
}

/// A random date offset for one document (or one case, kept in a vault).
pub fn random_shift(max_days: u32) -> Result<i64, super::key::KeyError> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| super::key::KeyError::Random(e.to_string()))?;
    Ok(offset_from_bytes(&bytes, max_days))
}

fn offset_from_bytes(bytes: &[u8], max_days: u32) -> i64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&bytes[..8]);
    let n = u64::from_be_bytes(b);
    let max = u64::from(max_days.max(1));
    let magnitude = (n % max) as i64 + 1;
    if (n >> 63) == 1 {
        -magnitude
    } else {
        magnitude
    }
}

/// Rewrites findings under a policy. Share `numbering` across the documents of a
/// case to keep placeholders the same.
#[derive(Debug)]
pub struct Rewriter<'a> {
    policy: &'a CompiledPolicy,
    secrets: &'a Secrets,
    numbering: &'a mut Numbering,
}

impl<'a> Rewriter<'a> {
    /// A rewriter for one run.
    pub fn new(
        policy: &'a CompiledPolicy,
        secrets: &'a Secrets,
        numbering: &'a mut Numbering,
    ) -> Self {
        Rewriter {
            policy,
            secrets,
            numbering,
        }
    }

    /// The policy in use.
    pub fn policy(&self) -> &CompiledPolicy {
        self.policy
    }

    /// The run's placeholder numbering.
    pub fn numbering(&mut self) -> &mut Numbering {
        self.numbering
    }
}

/// The year of a date, unless it lies more than `max_years_ago` years back.
fn recent_year(text: &str, max_years_ago: Option<u32>) -> Option<String> {
    let year = year_only(text)?;
    match max_years_ago {
        Some(limit) if current_year() - year.parse::<i32>().ok()? > limit as i32 => None,
        _ => Some(year),
    }
}

/// The current calendar year (UTC).
pub(crate) fn current_year() -> i32 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    super::dates::civil_from_days((secs / 86_400) as i64).0
}

/// Pronouns and titles to neutral forms; with `sex_words`, sex words to neutral
/// nouns ("a female with" → "a person with"), or removed when used as an adjective
/// ("a female patient" → "a patient").
fn neutralize(text: &str, f: &Finding, sex_words: bool) -> Option<Replacement> {
    let original = f.text(text);
    if let Some(n) = neutral_form(original, next_word(text, f.end).as_deref()) {
        return Some(Replacement {
            neutral: true,
            ..Replacement::new(n)
        });
    }
    if !sex_words {
        return None;
    }
    actions::neutral_noun(original).map(|noun| {
        if actions::used_as_adjective(&text[f.end..]) {
            Replacement::removal()
        } else {
            Replacement::new(noun)
        }
    })
}

impl Replacer for Rewriter<'_> {
    fn replace(&mut self, text: &str, f: &Finding) -> Option<Replacement> {
        let original = f.text(text);
        let rewrite = self.policy.rewrite_for(f.kind, &f.rule);
        let plain = |s: String| Some(Replacement::new(s));
        let attempt: Option<Replacement> = match rewrite.action {
            Action::Keep => return None,
            Action::Placeholder => None,
            Action::Remove => Some(Replacement::removal()),
            Action::Mask => plain(match &rewrite.with {
                Some(fixed) => fixed.clone(),
                None => actions::mask(original, rewrite.mask_char.unwrap_or('█')),
            }),
            Action::Last4 => actions::last4(original).and_then(plain),
            Action::Initials => match f.kind {
                Kind::Person | Kind::Org => actions::initials(original).and_then(plain),
                _ => None,
            },
            Action::YearOnly => recent_year(original, rewrite.max_years_ago).and_then(plain),
            Action::Shift => match (f.kind, self.secrets.shift_days) {
                (Kind::Date, Some(days)) => shift_date(original, days).and_then(plain),
                _ => None,
            },
            Action::Generalize => match f.kind {
                Kind::Age => {
                    actions::generalize_age(original, rewrite.band.unwrap_or(5)).map(|band| {
                        // "a 94-year-old" → "a 90-or-older-year-old", not "90 or older-year-old".
                        if text[f.end..].starts_with('-') {
                            band.replace(' ', "-")
                        } else {
                            band
                        }
                    })
                }
                Kind::Date => recent_year(original, rewrite.max_years_ago),
                Kind::Zip => actions::generalize_zip(original),
                _ => None,
            }
            .and_then(plain),
            Action::Neutralize => neutralize(text, f, rewrite.sex_words != Some(false)),
            Action::Pseudonym => self.secrets.key.as_ref().map(|key| {
                let length = rewrite.length.unwrap_or(DEFAULT_LENGTH);
                // Mentions joined to a full name ("Ms. Lopez") take its token.
                Replacement::new(match &f.key {
                    Some(value) => pseudonym_for_value(key, f.kind, value, length),
                    None => pseudonym(key, f.kind, original, length),
                })
            }),
            Action::Relative => match (f.kind, &self.secrets.anchor) {
                (Kind::Date, Some(anchor)) => super::relative::relative_date(
                    original,
                    anchor,
                    rewrite.unit.unwrap_or_default(),
                )
                .and_then(plain),
                _ => None,
            },
            Action::Surrogate => match f.kind {
                // Gender words have no realistic fake: they are neutralized.
                Kind::Gender => neutralize(text, f, true),
                _ => self
                    .secrets
                    .surrogate_key
                    .as_ref()
                    .and_then(|key| surrogate(key, f.kind, original, self.secrets.shift_days))
                    .map(Replacement::new),
            },
        };
        // An action that would write the original back (the year-only form of a bare
        // year) keeps it: nothing changes, and nothing is reported.
        if attempt
            .as_ref()
            .is_some_and(|r| !r.remove && r.text == original)
        {
            return None;
        }
        Some(attempt.unwrap_or_else(|| {
            // Mentions of one person share the key of the full name.
            Replacement::new(match &f.key {
                Some(key) => self.numbering.placeholder_for_key(f.kind, key),
                None => self.numbering.placeholder(f.kind, original),
            })
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_shift_is_stable_bounded_and_nonzero() {
        let k = Key::from_bytes([9; 32]);
        let d = shift_from_key(&k, 30);
        assert_eq!(d, shift_from_key(&k, 30));
        assert!(d != 0 && d.abs() <= 30);
        for i in 0..50u8 {
            let d = shift_from_key(&Key::from_bytes([i; 32]), 7);
            assert!(d != 0 && d.abs() <= 7);
        }
        let r = random_shift(365).unwrap();
        assert!(r != 0 && r.abs() <= 365);
    }

    #[test]
    fn a_joined_mention_takes_the_full_names_pseudonym() {
        let text = "Maria Lopez called. Ms. Lopez was seen.";
        let finding = |start: usize, end: usize, key: Option<&str>| Finding {
            start,
            end,
            kind: Kind::Person,
            rule: std::sync::Arc::from("test"),
            action: crate::matcher::DefaultAction::Placeholder,
            key: key.map(std::sync::Arc::from),
        };
        let policy = CompiledPolicy::from_toml("t", "default = \"pseudonym\"").unwrap();
        let secrets = Secrets {
            key: Some(Key::from_bytes([5; 32])),
            ..Secrets::default()
        };
        let mut numbering = Numbering::default();
        let mut rw = Rewriter::new(&policy, &secrets, &mut numbering);
        let full = rw.replace(text, &finding(0, 11, None)).unwrap().text;
        let joined = rw
            .replace(text, &finding(24, 29, Some("maria lopez")))
            .unwrap()
            .text;
        let alone = rw.replace(text, &finding(24, 29, None)).unwrap().text;
        assert_eq!(full, joined);
        assert_ne!(full, alone);
    }

    #[test]
    fn the_strict_profile_rewrites_as_the_plain_placeholders() {
        let scrubber = crate::Scrubber::with_default_patterns().unwrap();
        let texts = [
            include_str!("../../fixtures/imr-letter.txt"),
            include_str!("../../fixtures/court-summary.txt"),
            include_str!("../../fixtures/progress-report.txt"),
            include_str!("../../fixtures/tricky-names.txt"),
            include_str!("../../fixtures/case-note-crlf.txt"),
            "She takes Norco. Mrs. Lopez (female, 54) said he is fine; Ms. Ruiz and his wife.",
        ];
        let secrets = Secrets::default();
        for text in texts {
            let found = scrubber.detect(text);
            let mut a = crate::Numbering::default();
            let mut b = crate::Numbering::default();
            let plain = crate::redact::redact(text, &found, &mut a);
            let mut rewriter = Rewriter::new(CompiledPolicy::strict(), &secrets, &mut b);
            let strict = crate::redact::redact_with(text, &found, &mut rewriter);
            assert_eq!(plain.output, strict.output);
            assert_eq!(plain.changes, strict.changes);
        }
    }
}
