using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EventContracts.Api.Storage;

/// <summary>
/// A query compiled once per model. EF Core binds a compiled query to the model it first ran with, and the SQLite and
/// PostgreSQL contexts have different models; a replica uses one, but one process can hold both (the tests run every
/// API test on each), so each model gets its own compilation of the same expression.
/// </summary>
internal sealed class CompiledQuery<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConcurrentDictionary<IModel, TQuery> _byModel = new();

    public TQuery For(DbContext db) => _byModel.GetOrAdd(db.Model, static (_, compile) => compile(), compile);
}
