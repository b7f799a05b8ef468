// The cheapest endpoint Kestrel can serve: the ceiling the registry's endpoints are measured against.
var builder = WebApplication.CreateBuilder(args);

// The registry's appsettings.json keeps per-request logs off the same way.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

var app = builder.Build();
app.MapGet("/", () => "ok");
await app.RunAsync();
