"""Run the product importer: ``python -m python_basics products.csv`` from ``examples/``."""

import sys

from .products import main

sys.exit(main())
