"""Helpers shared by the benchmark scripts."""
import os
import platform
import subprocess
import sys


def machine(python=False):
    """One line naming the machine a table was measured on: cores, CPU model, OS (and Python)."""
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    try:
        nproc = int(subprocess.check_output(["nproc"], text=True).strip())
    except Exception:
        nproc = os.cpu_count()
    text = f"{nproc} CPUs ({cpu}), {platform.system()} {platform.release()}"
    return text + (f", Python {platform.python_version()}" if python else "")


def write_atomically(path, text):
    """Writes text to path through a temporary file and a rename, so that an interrupted run leaves
    the previous file whole."""
    tmp = path + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)


def generated_team(n, folder):
    """Writes the generated team of n workers that the team benchmarks share (seed 100 + n) into
    folder and returns its path."""
    path = os.path.join(folder, f"gen-{n}.json")
    gen = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference", "gen.py")
    with open(path, "w") as f:
        subprocess.run([sys.executable, gen, "--seed", str(100 + n), "--workers", str(n)], stdout=f, check=True)
    return path
