"""Margins over a chance level that keeps the coding's runs: for each data set that
`../shared/eval/leximap_eval.py` scored (its outputs under $LEXIMAP_EVAL_OUT, default
/tmp/leximap-eval), the best-match F1 of leximap's concepts against the human codes, beside two
chance levels: the harness's own (units shuffled within each meeting or interview) and a circular
shift of the automatic categories within each meeting or interview by a random quarter to three
quarters of its length, which keeps every run of consecutive units that a category codes.

Human codes are stretches of talk, so any coding in runs of units meets them more often than its
shuffled self, whatever it says: against shuffled units, contiguity alone is margin. Against the
shifted categories it is not, and what is left is agreement in where the stretches are.

    /usr/bin/python3 ../shared/eval/leximap_eval.py --project . --tag TAG
    /usr/bin/python3 scripts/contiguity-chance.py TAG [TAG ...]
"""
import os
import sys
from pathlib import Path

import numpy as np

EVAL = Path(__file__).resolve().parents[2] / 'shared' / 'eval'
sys.path.insert(0, str(EVAL))
import metrics  # noqa: E402
from common import DATASETS, OUT, dataset_units  # noqa: E402

ROWS = [('pdpilot', 'leaf'), ('pdpilot', 'top'), ('qmsum-trainval-Academic', 'topic'),
        ('qmsum-trainval-Product', 'topic'), ('qmsum-trainval-Committee', 'topic')]
ROUNDS = 10


def margins(tag: str, dataset: str, granularity: str) -> tuple[float, float, float]:
    units = dataset_units(dataset)
    cats, dom = metrics.load_spans(OUT / 'leximap' / tag / dataset / 'concepts.spans.jsonl', units)
    problem = metrics.Problem(units, granularity, cats, dom, DATASETS[dataset]['scope'], metrics.MIN_SUPPORT)
    f1 = problem.scores()['best_match']['macro_f1']
    shuffled, shifted = [], []
    for seed in range(ROUNDS):
        rng = np.random.default_rng(seed)
        shuffle = np.arange(problem.n)
        shift = np.arange(problem.n)
        for rows in problem.groups:
            shuffle[rows] = rng.permutation(rows)
            shift[rows] = np.roll(rows, int(rng.integers(len(rows) // 4, max(len(rows) // 4 + 1, 3 * len(rows) // 4))))
        shuffled.append(problem.scores(shuffle)['best_match']['macro_f1'])
        shifted.append(problem.scores(shift)['best_match']['macro_f1'])
    return f1, float(np.mean(shuffled)), float(np.mean(shifted))


def main() -> None:
    tags = sys.argv[1:] or ['default']
    print('| data set | run | concepts F1 | shuffled (margin) | shifted (margin) |')
    print('|---|---|---|---|---|')
    for dataset, granularity in ROWS:
        for tag in tags:
            if not (OUT / 'leximap' / tag / dataset / 'concepts.spans.jsonl').exists():
                continue
            f1, shuffled, shifted = margins(tag, dataset, granularity)
            print(f'| {dataset} {granularity} | {tag} | {f1:.3f} | {shuffled:.3f} ({f1 - shuffled:.3f}) | {shifted:.3f} ({f1 - shifted:.3f}) |')


if __name__ == '__main__':
    main()
