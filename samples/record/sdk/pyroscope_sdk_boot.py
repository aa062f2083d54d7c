# Runs the shop under Pyroscope's Python SDK (pyroscope-io) as its README shows, configured from the environment:
# python pyroscope_sdk_boot.py --duration 12 (the arguments go to `python -m shop`).
import os
import runpy
import sys

import pyroscope

pyroscope.configure(
    application_name=os.environ["PYROSCOPE_APPLICATION_NAME"],
    server_address=os.environ["PYROSCOPE_SERVER_ADDRESS"],
    tags=dict(pair.split("=", 1) for pair in os.environ.get("PYROSCOPE_TAGS", "").split(",") if "=" in pair),
)
# As `python -m shop` from the service folder: the folder first on the path, the module's own arguments.
sys.path.insert(0, os.getcwd())
sys.argv = ["shop", *sys.argv[1:]]
try:
    runpy.run_module("shop", run_name="__main__", alter_sys=True)
finally:
    pyroscope.shutdown()
