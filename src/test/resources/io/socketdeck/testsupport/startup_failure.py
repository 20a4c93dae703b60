"""Test fixture for PythonPeerTest: fails before printing its PORT line."""
import sys

sys.stderr.write("startup_failure.py: deliberate failure for host %s\n" % sys.argv[1])
sys.stderr.flush()
sys.exit(3)
