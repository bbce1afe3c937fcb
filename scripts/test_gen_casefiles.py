#!/usr/bin/env python3
"""Tests of scripts/gen-casefiles.py (standard library unittest).

    python3 scripts/test_gen_casefiles.py

Checks that the generator is deterministic per seed, that every gold span's bytes are
the planted value, that spans sit on UTF-8 boundaries and never start or end with
whitespace or the punctuation the annotation conventions leave outside, that seeds 1
and 2 (tuning and held-out) share no person name, and that both halves of every split
pool are disjoint and non-empty.
"""
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "gen-casefiles.py")
spec = importlib.util.spec_from_file_location("gen_casefiles", SCRIPT)
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)

EDGE = set(" \t\r\n\x0b\x0c.,;:()'\"")
KINDS = {"PERSON", "DATE", "AGE", "STATE", "LOCATION", "ORG", "PHONE", "EMAIL", "URL", "IP", "SSN", "ID",
         "GENDER", "ETHNICITY", "NATIONALITY", "OCCUPATION", "RELIGION", "MARITAL", "LANGUAGE"}
DOCS = 120


def run(seed, ndocs=DOCS):
    """The generator run as a command, as scripts/eval-all runs it."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "g.jsonl")
        subprocess.run([sys.executable, SCRIPT, "--seed", str(seed), "-o", out, "--docs", str(ndocs)],
                       check=True)
        with open(out, "rb") as f:
            raw = f.read()
    return raw, [json.loads(line) for line in raw.decode("utf-8").splitlines()]


def persons(docs):
    """Scored PERSON span texts of 3+ letters (initials left out), case- and accent-folded."""
    out = set()
    for d in docs:
        b = d["text"].encode("utf-8")
        for s in d["spans"]:
            if s["kind"] == "PERSON" and s["identifier_type"] != "NO_MASK":
                t = gen.norm(b[s["start"]:s["end"]].decode("utf-8")).replace(".", "")
                if len(t) >= 3:
                    out.add(t)
    return out


class GeneratorTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.raw1, cls.docs1 = run(1)
        cls.raw2, cls.docs2 = run(2)

    def test_deterministic_per_seed(self):
        again, _ = run(1)
        self.assertEqual(self.raw1, again)
        self.assertNotEqual(self.raw1, self.raw2)

    def test_default_size_and_ids(self):
        docs, _ = gen.generate(3, 250)
        self.assertEqual(len(docs), 250)
        self.assertEqual(len({d["id"] for d in docs}), 250)
        self.assertEqual({d["id"].rsplit("-", 1)[1] for d in docs}, set(gen.GENRES))

    def test_span_text_is_planted_value(self):
        # Build the documents in-process, where each span still carries its planted value.
        P = gen.Pools(1)
        P.p_layouts = gen.split(gen.TABLE_LAYOUTS, P.half) + ["pipe_rule"]
        P.house_heads = {k: gen.split(v, P.half) for k, v in gen.HOUSE_HEADS.items()}
        checked = 0
        for i in range(60):
            genre = list(gen.GENRES)[i % 5]
            doc = gen.Doc(genre)
            doc.case = ["title", "upper", "lower"][i % 3]
            gen.GENRES[genre](doc, gen.Ctx(P, genre))
            b = doc.text().encode("utf-8")
            for s in doc.spans:
                self.assertEqual(b[s["start"]:s["end"]].decode("utf-8"), s["_value"])
                checked += 1
        self.assertGreater(checked, 1000)

    def test_spans_well_formed(self):
        n = 0
        for docs in (self.docs1, self.docs2):
            for d in docs:
                b = d["text"].encode("utf-8")
                for s in d["spans"]:
                    st, en = s["start"], s["end"]
                    self.assertTrue(0 <= st < en <= len(b), s)
                    piece = b[st:en].decode("utf-8")  # raises off a UTF-8 boundary
                    self.assertEqual(b[:st].decode("utf-8") + piece + b[en:].decode("utf-8"), d["text"])
                    lead_ok = piece[0] not in EDGE or (s["kind"] == "PHONE" and piece[0] == "(")
                    self.assertTrue(lead_ok, (d["id"], piece))
                    self.assertNotIn(piece[-1], EDGE, (d["id"], piece))
                    self.assertIn(s["kind"], KINDS)
                    self.assertIn(s["identifier_type"], {"DIRECT", "QUASI", "NO_MASK"})
                    if s["identifier_type"] != "NO_MASK":
                        want = "DIRECT" if s["kind"] in gen.DIRECT or s["source_kind"] == "STREET" else "QUASI"
                        self.assertEqual(s["identifier_type"], want, s)
                    self.assertIn("container", s)
                    self.assertIn("genre", s)
                    n += 1
        self.assertGreater(n, 5000)

    def test_no_unannotated_pronoun_or_title(self):
        # Every gendered pronoun or title in the text is a planted span (GENDER, or NO_MASK He/she);
        # "MS history" (multiple sclerosis) is a trap and "MR#" a label.
        word = re.compile(r"\b(?:he|she|him|his|her|mr(?!#)|mrs|ms(?! history)|miss)\b", re.IGNORECASE)
        for d in self.docs1 + self.docs2:
            b = d["text"].encode("utf-8")
            cov = bytearray(len(b))
            for s in d["spans"]:
                cov[s["start"]:s["end"]] = b"\x01" * (s["end"] - s["start"])
            for m in word.finditer(d["text"]):
                at = len(d["text"][:m.start()].encode("utf-8"))
                self.assertTrue(cov[at], (d["id"], d["text"][max(0, m.start() - 30):m.end() + 10]))

    def test_spans_do_not_overlap(self):
        for d in self.docs1 + self.docs2:
            spans = sorted((s["start"], s["end"]) for s in d["spans"])
            for (_, e1), (s2, _) in zip(spans, spans[1:]):
                self.assertLessEqual(e1, s2, d["id"])

    def test_seeds_share_no_person_names(self):
        a, b = persons(self.docs1), persons(self.docs2)
        self.assertGreater(len(a), 200)
        self.assertGreater(len(b), 200)
        self.assertEqual(a & b, set())

    def test_pool_halves_disjoint_and_nonempty(self):
        for name, pool in list(gen.gather().items()) + list(gen.LABELS.items()) + list(gen.TEMPLATES.items()):
            a, b = gen.split(pool, 0), gen.split(pool, 1)
            self.assertTrue(a and b, name)
            self.assertEqual({gen.norm(x) for x in a} & {gen.norm(x) for x in b}, set(), name)

    def test_every_kind_and_container_present(self):
        kinds = {s["kind"] for d in self.docs1 for s in d["spans"]}
        self.assertEqual(kinds - {"URL", "IP"}, KINDS - {"URL", "IP"})
        containers = {s["container"] for d in self.docs1 for s in d["spans"]}
        for c in ["prose", "field_colon", "field_pipe", "field_dots", "field_tab", "header_block",
                  "form_last_first", "signature", "list", "paren", "caption", "panel", "clinical_entry"]:
            self.assertIn(c, containers)
        self.assertTrue(any(c.startswith("table_") for c in containers))

    def test_some_documents_have_no_identifier(self):
        docs, _ = gen.generate(1, 250)
        empty = [d for d in docs if not any(s["identifier_type"] != "NO_MASK" for s in d["spans"])]
        self.assertTrue(empty)
        self.assertLess(len(empty), 40)

    def test_absent_name_share(self):
        _, P = gen.generate(1, 250)
        for label, (miss, total) in gen.absent_share(P).items():
            self.assertGreaterEqual(miss / total, 0.3, label)


if __name__ == "__main__":
    unittest.main()
