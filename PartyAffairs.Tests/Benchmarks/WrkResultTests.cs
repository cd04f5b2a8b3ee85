namespace PartyAffairs.Tests.Benchmarks;

/// <summary>The board benchmark reads wrk's own report; its format is pinned here so a parsing slip is not a silent zero.</summary>
public sealed class WrkResultTests
{
    private const string Output = """
        Running 10s test @ http://127.0.0.1:40123/board
          2 threads and 32 connections
          Thread Stats   Avg      Stdev     Max   +/- Stdev
            Latency     5.31ms    2.10ms  40.12ms   80.00%
            Req/Sec     3.05k   210.00     3.50k    70.00%
          Latency Distribution
             50%    5.01ms
             75%    6.20ms
             90%    7.80ms
             99%   12.34ms
          60712 requests in 10.00s, 1.10GB read
          Socket errors: connect 0, read 0, write 0, timeout 2
        Requests/sec:   6069.55
        Transfer/sec:    112.50MB
        """;

    [Fact]
    public void Requests_per_second_p99_and_errors_are_read_from_wrk_output()
    {
        var result = BoardBenchmarks.WrkResult.Parse(Output);
        result.RequestsPerSecond.ShouldBe(6069.55);
        result.P99Milliseconds.ShouldBe(12.34);
        result.Errors.ShouldBe(2);
        BoardBenchmarks.WrkResult.Parse(Output.Replace("12.34ms", "1.20s")).P99Milliseconds.ShouldBe(1200);
        Should.Throw<FormatException>(() => BoardBenchmarks.WrkResult.Parse("nothing"));
    }
}
