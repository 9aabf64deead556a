import ServiceLifecycle

/// Sleeps for `duration`, or returns early when the task is cancelled or its service group begins a graceful
/// shutdown. Polling loops (delivery workers, feedback processors) wait with this so SIGTERM stops them promptly.
public func sleepUnlessShuttingDown(for duration: Duration) async {
    try? await cancelWhenGracefulShutdown {
        try await Task.sleep(for: duration)
    }
}
