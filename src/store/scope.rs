//! Which rows a caller reaches: the customers of its scope, and the records of those
//! customers (a customer's touchpoints, complaints and interactions are visible with it).

use entity::customers;
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{ColumnTrait, Condition};

use crate::model::role::CustomerScope;

/// The customers that exist for the API: neither deleted, erased nor merged into another.
pub fn live() -> Condition {
    Condition::all()
        .add(customers::Column::DeletedAt.is_null())
        .add(customers::Column::ErasedAt.is_null())
        .add(customers::Column::MergedInto.is_null())
}

/// The live customers of `scope`, as a condition on the customers table.
pub fn customers(scope: CustomerScope) -> Condition {
    let visible = live();
    match scope {
        CustomerScope::All => visible,
        CustomerScope::OwnedBy(owner) => visible.add(customers::Column::OwnerId.eq(owner)),
    }
}

/// The ids of the live customers of `scope`, as a subquery.
pub fn customer_ids(scope: CustomerScope) -> SelectStatement {
    Query::select()
        .column(customers::Column::Id)
        .from(customers::Entity)
        .cond_where(customers(scope))
        .to_owned()
}

/// The records whose `customer` column names a customer of `scope`.
pub fn records_of(customer: impl ColumnTrait, scope: CustomerScope) -> Condition {
    Condition::all().add(customer.in_subquery(customer_ids(scope)))
}
