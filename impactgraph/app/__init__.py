"""The use cases: each drives the adapters and the pure core for one command (index, changes,
impact, tests, callgraph), with one session holding the cache and the worker pool."""
