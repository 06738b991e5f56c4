#!/usr/bin/python3
"""bench/peers/fts5.py CORPUS_DIR QUERIES_TSV [--repeat N] [--db PATH]

Peer benchmark: SQLite FTS5 with the trigram tokenizer, in-process (Python's
sqlite3 module; needs SQLite >= 3.34 for trigram, Debian 12 has 3.40).

Indexes every non-empty line of every file of CORPUS_DIR as a row (file name
UNINDEXED, text), reports build time and database size, then runs each query
of QUERIES_TSV (the peer column) for the top 10 rows and prints per class p50,
p99 and max in ms.

How a query runs: its space-separated terms must all match (AND).
- A term of 3 or more characters is a trigram full-text match (the term as an
  FTS5 phrase: a substring match), ranked by bm25() (ORDER BY rank).
- A term of 1 or 2 characters cannot be matched by the trigram index (SQLite:
  "substrings consisting of fewer than 3 unicode characters do not match any
  rows"); it runs as `text LIKE '%term%'` on the trigram table, which SQLite
  documents as supported and, with no 3-character run in the pattern, as a
  linear scan of the table. When the query has no term of 3+ characters there
  is no bm25(); the rows are ranked by how often the terms occur
  (ORDER BY occurrences DESC, rowid), which makes SQLite scan and rank every
  match instead of stopping at the first 10.
"""

import argparse
import os
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("queries")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--db", help="database file (default: a temporary one, deleted)")
    a = ap.parse_args()

    queries = common.read_queries(a.queries)
    tmp = None
    db = a.db
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="bench-fts5-", dir="/tmp")
        db = os.path.join(tmp.name, "fts5.db")

    t0 = time.perf_counter()
    paras, nbytes = common.read_paragraphs(a.corpus)
    t1 = time.perf_counter()
    con = sqlite3.connect(db, isolation_level=None)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("CREATE VIRTUAL TABLE p USING fts5(file UNINDEXED, text, tokenize='trigram')")
    con.execute("BEGIN")
    con.executemany("INSERT INTO p(file, text) VALUES (?, ?)", paras)
    con.execute("COMMIT")
    con.execute("INSERT INTO p(p) VALUES ('optimize')")
    t2 = time.perf_counter()
    con.close()
    size = os.path.getsize(db)
    print(f"SQLite {sqlite3.sqlite_version}, FTS5 trigram: {len(paras)} paragraphs, "
          f"{nbytes / 1e6:.1f} MB of text; read {t1 - t0:.2f} s, index {t2 - t1:.2f} s, "
          f"db {size / 1e6:.1f} MB ({size / nbytes:.2f}x the text)")
    print(f"BUILD\tfts5\t{t2 - t0:.3f}\t{size}\t{nbytes}\t{len(paras)}")

    con = sqlite3.connect(db)
    like_note = set()

    def search(q, cls):
        terms = q.split()
        long_ = [t for t in terms if len(t) >= 3]
        short = [t for t in terms if len(t) < 3]
        where, args = [], []
        if long_:
            where.append("p MATCH ?")
            args.append(" AND ".join('"' + t.replace('"', '""') + '"' for t in long_))
        for t in short:
            where.append("text LIKE ? ESCAPE '\\'")
            args.append("%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
        if long_:
            order, oargs = "rank", []
        else:
            like_note.add(cls)
            occ = " + ".join("(length(text) - length(replace(text, ?, ''))) / length(?)" for _ in short)
            order = f"({occ}) DESC, rowid"
            oargs = [x for t in short for x in (t, t)]
        sql = f"SELECT rowid, file FROM p WHERE {' AND '.join(where)} ORDER BY {order} LIMIT 10"
        return con.execute(sql, args + oargs).fetchall()

    rc = common.run_queries("fts5", queries, a.repeat, search)
    if like_note:
        print("note: queries with only 1-2 character terms ran as LIKE '%q%' (linear scan, "
              "ranked by occurrences) in classes: " + ", ".join(sorted(like_note)))
    con.close()
    if tmp:
        tmp.cleanup()
    sys.exit(rc)


if __name__ == "__main__":
    main()
