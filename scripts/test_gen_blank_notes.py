#!/usr/bin/env python3
"""Tests of scripts/gen-blank-notes.py (standard library unittest).

    python3 scripts/test_gen_blank_notes.py

Checks that the notes are deterministic per seed, that their only spans are the NO_MASK
times that open entries (each span's bytes a time of day), that the sentence pools of
seed 1 (tuned on) and seed 2 (held out) are disjoint, and that no note holds a digit run
shaped like a date, a phone number or an SSN (the notes must carry no identifier).
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
SCRIPT = os.path.join(HERE, "gen-blank-notes.py")
spec = importlib.util.spec_from_file_location("gen_blank_notes", SCRIPT)
gen = importlib.util.module_from_spec(spec)
spec.loader.exec_module(gen)

TIME = re.compile(r"^(?:\d{4}h?|\d{2}:\d{2}|\d{1,2}:\d{2} (?:am|pm))$", re.I)
ID_SHAPES = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{3}-\d{3}-\d{4}\b|\b\d{3}-\d{2}-\d{4}\b")


def run(seed, ndocs=80):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "b.jsonl")
        subprocess.run([sys.executable, SCRIPT, "--seed", str(seed), "-o", out, "--docs", str(ndocs)], check=True)
        with open(out, "rb") as f:
            return f.read()


class BlankNotes(unittest.TestCase):
    def test_deterministic_per_seed(self):
        self.assertEqual(run(1), run(1))
        self.assertNotEqual(run(1), run(2))

    def test_only_spans_are_no_mask_times(self):
        for line in run(1).splitlines() + run(2).splitlines():
            doc = json.loads(line)
            tb = doc["text"].encode("utf-8")
            self.assertTrue(doc["spans"], doc["id"])
            for s in doc["spans"]:
                self.assertEqual(s["identifier_type"], "NO_MASK")
                self.assertRegex(tb[s["start"]:s["end"]].decode("utf-8"), TIME)

    def test_no_identifier_shapes(self):
        for line in run(1).splitlines() + run(2).splitlines():
            doc = json.loads(line)
            tb = bytearray(doc["text"].encode("utf-8"))
            for sp in doc["spans"]:  # the entry times may look like years (1915)
                tb[sp["start"]:sp["end"]] = b" " * (sp["end"] - sp["start"])
            text = tb.decode("utf-8")
            self.assertIsNone(ID_SHAPES.search(text), text)

    def test_seed_pools_disjoint_and_nonempty(self):
        a, b = gen.split(gen.ENTRY_LINES, 0), gen.split(gen.ENTRY_LINES, 1)
        self.assertTrue(a and b)
        self.assertFalse(set(a) & set(b))
        self.assertEqual(len(a) + len(b), len(set(gen.ENTRY_LINES)))


if __name__ == "__main__":
    unittest.main()
