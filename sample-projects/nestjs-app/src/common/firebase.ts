import * as admin from 'firebase-admin';

admin.initializeApp({
  credential: admin.credential.applicationDefault(),
  projectId: process.env.FIREBASE_PROJECT_ID ?? 'shop-dev',
});

export function messaging() {
  return admin.messaging();
}
