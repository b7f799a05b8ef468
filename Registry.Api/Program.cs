using EventContracts.Api;

// Settings ship beside the binary; the working directory is where the user wants eventcontracts.db.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddEventContractsRegistry();

var app = builder.Build();
await app.Services.PrepareRegistryAsync();
app.MapEventContractsRegistry();
await app.RunAsync();

/// <summary>The entry point, visible to the tests that host the registry on a real port.</summary>
public partial class Program;
