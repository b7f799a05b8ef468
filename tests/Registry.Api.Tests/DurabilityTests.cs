using System.Text.Json.Nodes;
using Xunit;

namespace EventContracts.Api.Tests;

/// <summary>Acknowledged writes survive a SIGKILL of the registry process (DESIGN §8), and a clean restart in-process.</summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Registrations_acknowledged_before_a_SIGKILL_are_there_after_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("evc-api-durability-").FullName;
        try
        {
            const string subject = "order.created-value";
            int first, second, last;
            using (var registry = await RegistryProcess.StartAsync(folder))
            {
                first = await HttpAssert.RegisterAsync(registry.Http, subject, Contracts.Order());
                second = await HttpAssert.RegisterAsync(registry.Http, subject, Contracts.Order("currency"));
                await HttpAssert.PutAsync(registry.Http, $"config/{subject}", new { compatibility = "FULL_TRANSITIVE" });
                last = await HttpAssert.RegisterAsync(registry.Http, "order.paid", Contracts.Order("paidAt"));

                // Straight after the last 200: no graceful shutdown, no checkpoint.
                await registry.KillAsync();
            }

            Assert.True(File.Exists(Path.Combine(folder, "eventcontracts.db")), "the registry keeps its database in its working directory");
            using (var registry = await RegistryProcess.StartAsync(folder))
            {
                Assert.Equal([1, 2], (await HttpAssert.GetAsync(registry.Http, $"subjects/{subject}/versions")).AsArray().Select(v => v!.GetValue<int>()));
                Assert.Equal(first, (await HttpAssert.GetAsync(registry.Http, $"subjects/{subject}/versions/1"))["id"]!.GetValue<int>());
                var latest = await HttpAssert.GetAsync(registry.Http, $"subjects/{subject}/versions/latest");
                Assert.Equal((second, 2), (latest["id"]!.GetValue<int>(), latest["version"]!.GetValue<int>()));
                Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Contracts.Order("currency")), JsonNode.Parse(latest["schema"]!.GetValue<string>())));
                Assert.Equal("FULL_TRANSITIVE", (await HttpAssert.GetAsync(registry.Http, $"config/{subject}"))["compatibilityLevel"]!.GetValue<string>());
                Assert.Equal([1], (await HttpAssert.GetAsync(registry.Http, "subjects/order.paid/versions")).AsArray().Select(v => v!.GetValue<int>()));
                Assert.Equal(last, (await HttpAssert.GetAsync(registry.Http, "subjects/order.paid/versions/1"))["id"]!.GetValue<int>());

                // Ids keep counting after the restart: no id is handed out twice.
                var third = await HttpAssert.RegisterAsync(registry.Http, "order.shipped", Contracts.Order("shippedAt"));
                Assert.DoesNotContain(third, new[] { first, second, last });
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task In_process_host_restarted_on_the_same_file_keeps_schemas_and_versions()
    {
        var host = new RegistryHost();
        try
        {
            await host.StartAsync();
            var id = await HttpAssert.RegisterAsync(host.Http, "order.created", Contracts.Order());
            await HttpAssert.DeleteAsync(host.Http, "subjects/order.created/versions/1");
            await host.StopAsync();

            await host.StartAsync();

            await HttpAssert.ConfluentErrorAsync(host.Http, HttpMethod.Get, "subjects/order.created/versions", null, 40401);
            Assert.Equal(id, (await HttpAssert.GetAsync(host.Http, "subjects/order.created/versions/1?deleted=true"))["id"]!.GetValue<int>());
            Assert.Equal(id, await HttpAssert.RegisterAsync(host.Http, "order.created", Contracts.Order()));
            Assert.Equal([2], (await HttpAssert.GetAsync(host.Http, "subjects/order.created/versions")).AsArray().Select(v => v!.GetValue<int>()));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
