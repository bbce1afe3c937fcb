//! One person, one key: the full names of a document that are written forms of
//! one name (`ROE, MARY` and `Mary Roe`; `Tobias Harlow` inside `TOBIAS QUINN
//! HARLOW`) are joined under one key, so they share one placeholder (and one
//! keyed pseudonym).

use std::collections::HashMap;

/// For every full-name key (folded words joined by one space), the key it joins:
/// the longest full name holding all of its words, when that name is the only
/// such one (up to word order); the key itself otherwise. `owners` lists, per
/// word, the full-name keys holding it, in order of first mention.
pub fn canonical_keys(owners: &HashMap<String, Vec<String>>) -> HashMap<String, String> {
    let mut out: HashMap<String, String> = HashMap::new();
    for keys in owners.values() {
        for key in keys {
            if out.contains_key(key) {
                continue;
            }
            let words: Vec<&str> = key.split(' ').collect();
            // Full names holding every word of `key`: among the owners of its
            // rarest word.
            let Some(rarest) = words
                .iter()
                .filter_map(|w| owners.get(*w))
                .min_by_key(|o| o.len())
            else {
                continue;
            };
            let supersets: Vec<&String> = rarest
                .iter()
                .filter(|k| {
                    let theirs: Vec<&str> = k.split(' ').collect();
                    words.iter().all(|w| theirs.contains(w))
                })
                .collect();
            let longest = supersets
                .iter()
                .map(|k| k.split(' ').count())
                .max()
                .unwrap_or(0);
            let mut best: Vec<&String> = supersets
                .into_iter()
                .filter(|k| k.split(' ').count() == longest)
                .collect();
            // Keys that are one set of words in another order are one name.
            let first = best.first().map(|k| sorted(k));
            best.retain(|k| Some(sorted(k)) != first);
            let target = match (first, best.is_empty()) {
                (Some(_), true) => rarest
                    .iter()
                    .find(|k| {
                        k.split(' ').count() == longest && {
                            let theirs: Vec<&str> = k.split(' ').collect();
                            words.iter().all(|w| theirs.contains(w))
                        }
                    })
                    .cloned()
                    .unwrap_or_else(|| key.clone()),
                _ => key.clone(),
            };
            out.insert(key.clone(), target);
        }
    }
    out
}

fn sorted(key: &str) -> Vec<&str> {
    let mut words: Vec<&str> = key.split(' ').collect();
    words.sort_unstable();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn owners(keys: &[&str]) -> HashMap<String, Vec<String>> {
        let mut owners: HashMap<String, Vec<String>> = HashMap::new();
        for key in keys {
            for w in key.split(' ') {
                let o = owners.entry(w.to_string()).or_default();
                if !o.iter().any(|k| k == key) {
                    o.push(key.to_string());
                }
            }
        }
        owners
    }

    #[test]
    fn forms_of_one_name_join_the_longest() {
        let map = canonical_keys(&owners(&[
            "tobias quinn harlow",
            "tobias harlow",
            "mary roe",
            "roe mary",
        ]));
        assert_eq!(map["tobias harlow"], "tobias quinn harlow");
        assert_eq!(map["tobias quinn harlow"], "tobias quinn harlow");
        assert_eq!(map["roe mary"], "mary roe");
        assert_eq!(map["mary roe"], "mary roe");
    }

    #[test]
    fn two_people_sharing_a_surname_stay_apart() {
        let map = canonical_keys(&owners(&["ana lopez", "maria lopez", "lopez"]));
        assert_eq!(map["ana lopez"], "ana lopez");
        assert_eq!(map["maria lopez"], "maria lopez");
    }
}
