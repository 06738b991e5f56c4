#!/usr/bin/python3
"""bench/peers/xapian_bench.py CORPUS_DIR QUERIES_TSV [--repeat N] [--db DIR]

Peer benchmark: Xapian (Debian's python3-xapian, 1.4) with CJK n-grams,
in-process.

Indexes every non-empty line of every file of CORPUS_DIR as a document (text
through TermGenerator with FLAG_CJK_NGRAM, positions kept; the file name as the
document data), reports build time and database size, then runs each query of
QUERIES_TSV (the peer column) for the top 10 by BM25 (Xapian's default
weighting) and prints per class p50, p99 and max in ms.

How a query runs: QueryParser with FLAG_CJK_NGRAM and default operator AND.
Xapian 1.4 turns a CJK run into the AND of its unigrams and bigrams (德寿宫 →
德 AND 德寿 AND 寿 AND 寿宫 AND 宫), which is not a substring match: it also
matches paragraphs with the characters apart. Queries of the `phrase` class are
therefore quoted ("…"), which Xapian runs as a PHRASE of the unigrams: an exact
match like the other engines'.
"""

import argparse
import os
import sys
import tempfile
import time

import xapian

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("queries")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--db", help="database directory (default: a temporary one, deleted)")
    a = ap.parse_args()

    queries = common.read_queries(a.queries)
    tmp = None
    db = a.db
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="bench-xapian-", dir="/tmp")
        db = os.path.join(tmp.name, "xapian")

    t0 = time.perf_counter()
    paras, nbytes = common.read_paragraphs(a.corpus)
    t1 = time.perf_counter()
    wdb = xapian.WritableDatabase(db, xapian.DB_CREATE_OR_OVERWRITE)
    tg = xapian.TermGenerator()
    tg.set_flags(xapian.TermGenerator.FLAG_CJK_NGRAM)
    wdb.begin_transaction(False)
    for name, text in paras:
        doc = xapian.Document()
        doc.set_data(name)
        tg.set_document(doc)
        tg.index_text(text)
        wdb.add_document(doc)
    wdb.commit_transaction()
    wdb.close()
    t2 = time.perf_counter()
    size = common.dir_size(db)
    print(f"Xapian {xapian.version_string()}, CJK n-grams: {len(paras)} paragraphs, "
          f"{nbytes / 1e6:.1f} MB of text; read {t1 - t0:.2f} s, index {t2 - t1:.2f} s, "
          f"db {size / 1e6:.1f} MB ({size / nbytes:.2f}x the text)")
    print(f"BUILD\txapian\t{t2 - t0:.3f}\t{size}\t{nbytes}\t{len(paras)}")

    rdb = xapian.Database(db)
    enquire = xapian.Enquire(rdb)  # BM25Weight is the default
    qp = xapian.QueryParser()
    qp.set_database(rdb)
    qp.set_default_op(xapian.Query.OP_AND)
    flags = xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_CJK_NGRAM

    def search(q, cls):
        if cls == "phrase":
            q = '"' + q + '"'
        enquire.set_query(qp.parse_query(q, flags))
        mset = enquire.get_mset(0, 10)
        return [(m.docid, m.document.get_data()) for m in mset]

    rc = common.run_queries("xapian", queries, a.repeat, search)
    rdb.close()
    if tmp:
        tmp.cleanup()
    sys.exit(rc)


if __name__ == "__main__":
    main()
