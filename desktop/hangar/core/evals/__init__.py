"""Evaluation suites: a JSONL file of items run over chosen models with fixed sampling (docs/eval-suites.md).

suite.py reads and checks the file ("hangar-eval/1"), scorers.py scores one reply, loglik.py
scores the choices of a log-likelihood item as llama-perplexity's ``--multiple-choice`` does,
runner.py runs a suite over models through the worker, stats.py gives accuracy with a Wilson
interval and the paired comparison of two models (McNemar's exact test), store.py keeps runs in
SQLite, export.py writes CSV, JSON and a self-contained HTML report. The application layer
(core/app/evals.py) ties them together for the window and ``hangar-cli eval``.
"""
