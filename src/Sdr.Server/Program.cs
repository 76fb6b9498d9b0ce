using Sdr.Server.Commands;

return await SdrCli.RunAsync(args);

/// <summary>Entry point; public so WebApplicationFactory can find it.</summary>
public partial class Program;
