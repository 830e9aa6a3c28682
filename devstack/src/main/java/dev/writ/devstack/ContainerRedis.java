package dev.writ.devstack;

import java.util.List;

import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Redis in a container, used when a Docker engine is reachable. The host port is fixed
 * when the container is created so that {@link #stop()} and {@link #start()} keep the
 * address.
 */
final class ContainerRedis implements RedisServer {

	private final GenericContainer<?> container;

	private final int port;

	private ContainerRedis(GenericContainer<?> container, int port) {
		this.container = container;
		this.port = port;
	}

	@SuppressWarnings("resource")
	static ContainerRedis launch() {
		int port = FreePorts.find();
		GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379)
			.withCreateContainerCmdModifier((cmd) -> cmd.getHostConfig()
				.withPortBindings(List.of(new PortBinding(Ports.Binding.bindPort(port), ExposedPort.tcp(6379)))))
			.waitingFor(Wait.forLogMessage(".*Ready to accept connections.*", 1));
		container.start();
		return new ContainerRedis(container, port);
	}

	@Override
	public String host() {
		return this.container.getHost();
	}

	@Override
	public int port() {
		return this.port;
	}

	@Override
	public void stop() {
		DockerClientFactory.instance().client().stopContainerCmd(this.container.getContainerId()).exec();
	}

	@Override
	public void start() {
		DockerClientFactory.instance().client().startContainerCmd(this.container.getContainerId()).exec();
	}

	@Override
	public void close() {
		this.container.stop();
	}

}
