using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PartyAffairs.App.Data;

/// <summary>
/// A compiled query for each model it runs against. EF binds a compiled query to the first model it meets and refuses any
/// other; the SQLite and the PostgreSQL context have a model each, and a process that holds both (the tests run a
/// PostgreSQL node beside SQLite harnesses) would fail whichever came second. One compilation per model, kept as long as
/// the model lives.
/// </summary>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile) where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> compiled = new();

    public TQuery For(DbContext db) => compiled.GetValue(db.Model, _ => compile());
}
