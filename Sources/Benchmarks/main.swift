// Benchmarks for cchc, run from a release build: `swift run -c release cchc-bench`.
print("cchc-bench")
