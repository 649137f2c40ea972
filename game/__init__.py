"""Bashtag: a terminal game that trains people to handle a social-media crisis."""

import os

__version__ = "0.4.0"

# One BLAS thread.  The engine's arrays are tens of thousands of numbers: a second BLAS thread saves
# little on an idle machine and, on a busy one (a workshop host, a batch of games filling every
# core), the step waits for it to get a core — a game took 1.4x as long with it under load.  Set
# before numpy loads (numpy is imported lazily, after this); a program that loaded numpy first, or
# set the variable itself, keeps its own choice.  Games do not depend on it: the engine's one BLAS
# call per step gives the same bits on any number of threads.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
