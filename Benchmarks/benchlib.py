"""Helpers shared by the benchmark scripts."""
import os
import platform
import subprocess


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
