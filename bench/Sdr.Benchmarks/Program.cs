using BenchmarkDotNet.Running;

namespace Sdr.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- cadence [--sequences 10000] [--batch-size 500] ...</c>
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- bdn [BenchmarkDotNet switches, e.g. --filter *Sms*]</c>
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- decisions [BenchmarkDotNet switches]</c>
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- webhooks [--provider sqlite|postgres --postgres CONN] [--rate 2000] [--connections 64] [--duration 15] ...</c>
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- stop-burst [--stops 500] [--provider sqlite|postgres --postgres CONN]</c>
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- speed-to-lead [--rate 50] [--duration 30] [--locations 20] [--provider sqlite|postgres --postgres CONN]</c>
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- stats [--touches 1000000] [--requests 20] [--provider sqlite|postgres --postgres CONN]</c>
/// <c>dotnet run -c Release --project bench/Sdr.Benchmarks -- sourcing [--contacts 50000] [--max-per-source 100] [--max-per-cycle 200]</c>
/// (Not a top-level Program: that name belongs to the server, which WebApplicationFactory&lt;Program&gt; starts.)
/// </summary>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        var verb = args.Length > 0 ? args[0] : "";
        switch (verb)
        {
            case "cadence":
                return await CadenceBenchmark.RunAsync(CadenceSettings.Parse(args[1..]));
            case "bdn":
                BenchmarkSwitcher.FromAssembly(typeof(SmsBenchmarks).Assembly).Run(args[1..]);
                return 0;
            case "decisions":
                return await DecisionsCommand.RunAsync(args[1..]);
            case "webhooks":
                return await WebhookLoad.RunAsync(args[1..]);
            case "stop-burst":
                return await StopBurst.RunAsync(args[1..]);
            case "speed-to-lead":
                return await SpeedToLead.RunAsync(args[1..]);
            case "stats":
                return await StatsLoad.RunAsync(args[1..]);
            case "send-time":
                return await SendTimeLoad.RunAsync(args[1..]);
            case "enroll":
                return await EnrollLoad.RunAsync(args[1..]);
            case "sourcing":
                return await SourcingBenchmark.RunAsync(args[1..]);
            default:
                Console.Error.WriteLine(CadenceSettings.Usage);
                return verb is "" or "-h" or "--help" ? 0 : 2;
        }
    }
}
