package local.c360;

import io.grpc.InsecureServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * Same command line and behaviour as io.temporal.testserver.TestServer ({@code <port>
 * [--enable-time-skipping]}), but bound to the loopback interface only: the stock main binds every
 * interface, and nothing on these machines may listen beyond loopback.
 */
public final class LoopbackTestServer {
  private LoopbackTestServer() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println("usage: LoopbackTestServer <port> [--enable-time-skipping]");
      System.exit(2);
    }
    int port = Integer.parseInt(args[0]);
    boolean enableTimeSkipping = false;
    if (args.length == 2) {
      if (!"--enable-time-skipping".equalsIgnoreCase(args[1])) {
        System.err.println("unknown flag " + args[1]);
        System.exit(2);
      }
      enableTimeSkipping = true;
    }
    // Without the flag the server starts with time skipping locked; the TypeScript SDK unlocks it
    // while it awaits a workflow result, which is what createTimeSkipping expects.
    TestServicesStarter services = new TestServicesStarter(!enableTimeSkipping, 0L);
    ServerBuilder<?> builder =
        NettyServerBuilder.forAddress(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
            InsecureServerCredentials.create());
    GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
    Server server = builder.build().start();
    System.out.println(
        "temporal test server listening on 127.0.0.1:" + port
            + (enableTimeSkipping ? " (time skipping enabled)" : " (time skipping locked until a client unlocks it)"));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdown();
                  try {
                    server.awaitTermination(5, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  server.shutdownNow();
                  services.close();
                }));
    server.awaitTermination();
  }
}
