import { redirect } from "next/navigation";
import { currentUser } from "~/server/session";

export default async function HomePage() {
  redirect((await currentUser()) ? "/songs" : "/login");
}
